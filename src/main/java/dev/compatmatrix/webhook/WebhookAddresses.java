package dev.compatmatrix.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Which endpoints webhooks may reach (against server-side request forgery): https URLs whose host resolves only to
 * public addresses — never loopback, private, link-local (cloud metadata at 169.254.169.254), carrier-grade NAT,
 * unique-local IPv6 or multicast. Checked when a webhook is registered and again before each attempt, as a name may
 * resolve elsewhere later. {@code compat.webhooks.allow-private-addresses=true} lifts the address rule and allows
 * plain http (tests, receivers inside one's own network).
 */
@Component
public class WebhookAddresses {

    static final int MAX_URL_LENGTH = 2000;

    private final boolean allowPrivate;

    WebhookAddresses(WebhookSettings settings) {
        this.allowPrivate = settings.allowPrivateAddresses();
    }

    /** The URL to send to, or an {@link IllegalArgumentException} that says in the user's words why not. */
    public URI check(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("Enter the endpoint's URL (https://…)");
        }
        String text = url.strip();
        if (text.length() > MAX_URL_LENGTH) {
            throw new IllegalArgumentException("The URL is longer than " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("This is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowPrivate && scheme.equals("http"))) {
            throw new IllegalArgumentException("Only https:// endpoints can receive webhooks");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException("The URL needs a host name, e.g. https://hooks.example.com/compat");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("The URL may not contain a user name or password");
        }
        if (uri.getRawFragment() != null) {
            throw new IllegalArgumentException("The URL may not contain a #fragment");
        }
        if (!allowPrivate) {
            refuseNonPublic(uri.getHost());
        }
        return uri;
    }

    private static void refuseNonPublic(String host) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("The host " + host + " cannot be found");
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                throw new IllegalArgumentException("The host " + host + " is at " + address.getHostAddress()
                        + ", a loopback, private, link-local or metadata address that webhooks may not reach");
            }
        }
    }

    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress()
                || address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0 // "this network"
                    && !(first == 100 && second >= 64 && second < 128) // carrier-grade NAT
                    && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    && !(first == 198 && (second == 18 || second == 19)) // benchmarking
                    && first < 240; // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {
                return false; // unique local fc00::/7 (AWS metadata fd00:ec2::254 among them)
            }
            if (embedsIpv4(b)) {
                byte[] v4 = {b[12], b[13], b[14], b[15]};
                try {
                    return isPublic(InetAddress.getByAddress(v4));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
        }
        return true;
    }

    /** IPv4-compatible (::a.b.c.d), IPv4-mapped (::ffff:a.b.c.d) or NAT64 (64:ff9b::a.b.c.d) addresses. */
    private static boolean embedsIpv4(byte[] b) {
        boolean zeros = true;
        for (int i = 0; i < 10; i++) {
            zeros &= b[i] == 0;
        }
        boolean mappedOrCompatible =
                zeros && ((b[10] == 0 && b[11] == 0) || (b[10] == (byte) 0xff && b[11] == (byte) 0xff));
        boolean nat64 = b[0] == 0 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b;
        return mappedOrCompatible || nat64;
    }
}
