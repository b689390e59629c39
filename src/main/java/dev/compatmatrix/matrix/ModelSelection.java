package dev.compatmatrix.matrix;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The models asked for, in the order given, without blanks or repeats: the {@code models} parameter of the screen's
 * URL and of the API, comma-separated. A comparison takes {@value #MIN} to {@value #MAX} of them.
 */
public record ModelSelection(List<String> names) {

    public static final int MIN = 2;
    public static final int MAX = 6;
    /** The URL and API parameter that names the models. */
    public static final String PARAMETER = "models";
    /** Between two names: a model's name never holds a comma (it may hold a slash). */
    public static final String SEPARATOR = ",";

    public ModelSelection {
        names = names.stream()
                .map(String::strip)
                .filter(n -> !n.isEmpty())
                .distinct()
                .toList();
    }

    /** The names of a {@code models} parameter ("a,b,c"); null is none. */
    public static ModelSelection parse(String text) {
        return new ModelSelection(text == null ? List.of() : Arrays.asList(text.split(SEPARATOR, -1)));
    }

    public String text() {
        return String.join(SEPARATOR, names);
    }

    /** Why these many models cannot be compared, in the user's terms; empty when they can. */
    public Optional<String> countProblem() {
        if (names.size() < MIN) {
            return Optional.of("Compare takes " + MIN + " to " + MAX + " models; "
                    + (names.isEmpty() ? "none was" : "only " + names.size() + " was") + " given.");
        }
        if (names.size() > MAX) {
            return Optional.of("Compare takes " + MIN + " to " + MAX + " models; " + names.size() + " were given.");
        }
        return Optional.empty();
    }

    /** The first {@value #MAX}: what a screen shows of too many. */
    public ModelSelection firstAllowed() {
        return names.size() <= MAX ? this : new ModelSelection(names.subList(0, MAX));
    }

    public ModelSelection with(String name) {
        return new ModelSelection(Stream.concat(names.stream(), Stream.of(name)).toList());
    }

    public ModelSelection without(String name) {
        return new ModelSelection(names.stream().filter(n -> !n.equals(name)).toList());
    }
}
