package dev.compatmatrix.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The headers every response carries (besides Spring Security's): a Content-Security-Policy, Referrer-Policy and
 * Permissions-Policy. Pages may run only scripts from this server and inline scripts bearing this response's nonce
 * (Vaadin's bootstrap page gets it in {@link ContentSecurityPolicyNonce}); no inline event handler runs, so injected
 * markup such as {@code <img onerror=…>} stays inert. {@code 'unsafe-eval'} is there because Vaadin runs the
 * server's {@code executeJs} calls as functions; inline styles because Vaadin's components and the charts set them.
 * API answers are data and may load nothing. First in the filter chain, so refusals carry the headers too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SecurityHeaders extends OncePerRequestFilter {

    static final String NONCE = SecurityHeaders.class.getName() + ".nonce";
    static final String PAGE_POLICY = "default-src 'self'; script-src 'self' 'nonce-%s' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
            + "worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    private final SecureRandom random = new SecureRandom();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isApiData(request)) {
            response.setHeader("Content-Security-Policy", API_POLICY);
        } else {
            // A fresh nonce per page: the start page's scripts carry it, anything injected does not.
            byte[] bytes = new byte[18];
            random.nextBytes(bytes);
            String nonce = Base64.getEncoder().encodeToString(bytes);
            request.setAttribute(NONCE, nonce);
            response.setHeader("Content-Security-Policy", PAGE_POLICY.formatted(nonce));
        }
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
        chain.doFilter(request, new RelativeRedirects(request, response));
    }

    /** JSON and files from the API; its documentation (Swagger UI) is a page. */
    private static boolean isApiData(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/") && !path.startsWith("/api/docs") && !path.startsWith("/api/swagger-ui");
    }
}
