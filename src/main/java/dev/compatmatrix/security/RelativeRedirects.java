package dev.compatmatrix.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Makes redirects to this server relative. Spring Security builds absolute redirect URLs (to the sign-in page, back
 * to the saved page) from the request's Host header, which any client may set: {@code Host: evil.example} would
 * send the browser to {@code http://evil.example/login}. A relative Location resolves against the address the
 * browser really used. Redirects elsewhere are left alone.
 */
final class RelativeRedirects extends HttpServletResponseWrapper {

    private final HttpServletRequest request;

    RelativeRedirects(HttpServletRequest request, HttpServletResponse response) {
        super(response);
        this.request = request;
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        super.sendRedirect(relative(location));
    }

    @Override
    public void sendRedirect(String location, boolean clearBuffer) throws IOException {
        super.sendRedirect(relative(location), clearBuffer);
    }

    @Override
    public void sendRedirect(String location, int sc) throws IOException {
        super.sendRedirect(relative(location), sc);
    }

    @Override
    public void sendRedirect(String location, int sc, boolean clearBuffer) throws IOException {
        super.sendRedirect(relative(location), sc, clearBuffer);
    }

    String relative(String location) {
        try {
            URI uri = new URI(location);
            if (!uri.isAbsolute()
                    || uri.getRawAuthority() == null
                    || !request.getScheme().equalsIgnoreCase(uri.getScheme())
                    || !request.getServerName().equalsIgnoreCase(uri.getHost())) {
                return location;
            }
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return path
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                    + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
        } catch (URISyntaxException e) {
            return location;
        }
    }
}
