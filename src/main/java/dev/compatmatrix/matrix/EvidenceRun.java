package dev.compatmatrix.matrix;

import java.net.URI;
import java.net.URISyntaxException;

/** A claim's run reference: a run id (no spaces) or an absolute http(s) link. */
public final class EvidenceRun {

    public static final String MESSAGE = "Enter a run id (no spaces) or an http(s) link";

    private EvidenceRun() {}

    public static boolean isValid(String run) {
        if (run == null || run.isBlank()) {
            return true;
        }
        if (!run.contains("://") && !run.startsWith("http")) {
            return !run.matches(".*\\s.*");
        }
        return isHttpLink(run);
    }

    /** An absolute http(s) link with a host (a user's report links to one too). */
    public static boolean isHttpLink(String link) {
        try {
            URI uri = new URI(link);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null
                    && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
