package dev.compatmatrix.search;

import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.search.query.QuickSearchQuery;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Search from anywhere": models by part of their name, families and platforms, as the user types. Every role may
 * search. The screens the user may open are matched by the UI, which knows them.
 */
@Service
@PreAuthorize(Roles.HAS_VIEWER)
@Transactional(readOnly = true)
public class QuickSearchService {

    /** Longer text is cut to this: no name is near it, and a pasted page must not become a slow query. */
    public static final int MAX_TEXT = 100;

    static final int MODELS = 6;
    static final int FAMILIES = 2;
    static final int PLATFORMS = 2;

    private final QuickSearchQuery query;

    public QuickSearchService(QuickSearchQuery query) {
        this.query = query;
    }

    /**
     * At most ten results for the text (blank: none); {@code %}, {@code _} and quotes match themselves, and a text
     * without a letter or digit finds no model or family.
     */
    public QuickSearchResults quickSearch(String text) {
        String clipped = clip(text);
        if (clipped.isEmpty()) {
            return QuickSearchResults.NONE;
        }
        if (clipped.codePoints().noneMatch(Character::isLetterOrDigit)) {
            // Marks alone ("%_%", "--") name no model, and PostgreSQL's trigram index cannot answer them: no scan.
            return new QuickSearchResults(List.of(), List.of(), platforms(clipped));
        }
        return new QuickSearchResults(
                query.models(clipped, MODELS), query.families(clipped, FAMILIES), platforms(clipped));
    }

    /** The text stripped and cut to {@link #MAX_TEXT} characters (never splitting a surrogate pair). */
    public static String clip(String text) {
        if (text == null) {
            return "";
        }
        String stripped = text.strip();
        if (stripped.length() <= MAX_TEXT) {
            return stripped;
        }
        int end = Character.isHighSurrogate(stripped.charAt(MAX_TEXT - 1)) ? MAX_TEXT - 1 : MAX_TEXT;
        return stripped.substring(0, end).strip();
    }

    /** Whether this text finds only names and families that start with it (too short to search inside them). */
    public static boolean matchesOnlyStarts(String text) {
        return clip(text).length() < QuickSearchQuery.SHORTEST_CONTAINS;
    }

    /** Platforms whose name or key contains the text, those starting with it first. */
    static List<Platform> platforms(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return Arrays.stream(Platform.values())
                .filter(p -> p.label().toLowerCase(Locale.ROOT).contains(lower)
                        || p.key().contains(lower))
                .sorted(Comparator.comparingInt(
                        (Platform p) -> p.label().toLowerCase(Locale.ROOT).startsWith(lower)
                                        || p.key().startsWith(lower)
                                ? 0
                                : 1))
                .limit(PLATFORMS)
                .toList();
    }
}
