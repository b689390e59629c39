package dev.compatmatrix.security;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Believes {@code X-Forwarded-For}, {@code -Proto}, {@code -Host} and {@code -Port} only from the reverse proxies
 * listed in {@code compat.trusted-proxies} (environment: COMPAT_TRUSTED_PROXIES; addresses or CIDR ranges,
 * comma-separated; default none). From such a proxy Tomcat takes the client's address (sign-in throttling, logs), the scheme (the
 * session cookie is Secure behind TLS) and the host; from anyone else these headers are ignored.
 */
@Component
class TrustedProxies implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final List<String> proxies;

    TrustedProxies(@Value("${compat.trusted-proxies:}") String proxies) {
        this.proxies = Arrays.stream(proxies.split(","))
                .map(String::strip)
                .filter(p -> !p.isEmpty())
                .toList();
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        if (proxies.isEmpty()) {
            return;
        }
        RemoteIpValve valve = new RemoteIpValve();
        valve.setInternalProxies(cidrs(proxies));
        valve.setTrustedProxies(null);
        valve.setRemoteIpHeader("X-Forwarded-For");
        valve.setProtocolHeader("X-Forwarded-Proto");
        valve.setHostHeader("X-Forwarded-Host");
        valve.setPortHeader("X-Forwarded-Port");
        valve.setChangeLocalName(true);
        factory.addEngineValves(valve);
    }

    /** Tomcat takes a pattern or CIDR ranges; a single address becomes the range of only itself. */
    static String cidrs(List<String> proxies) {
        return proxies.stream()
                .map(p -> p.contains("/") ? p : p + (p.contains(":") ? "/128" : "/32"))
                .collect(Collectors.joining(","));
    }
}
