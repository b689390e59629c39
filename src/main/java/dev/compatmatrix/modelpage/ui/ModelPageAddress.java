package dev.compatmatrix.modelpage.ui;

import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.ui.ModelPages;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the rest of a model page's path asks for. A model's name may contain slashes, so the whole rest is a model's
 * name first; failing that, its last segment may name a tab or a platform of the model named by what comes before.
 * {@code platform} is null unless a cell is asked for; {@code model} is whatever the lookup gives for a model.
 */
record ModelPageAddress<M>(M model, ModelPages.Tab tab, Platform platform) {

    /** The page asked for, or empty when no model (or no tab or platform of it) has that address. */
    static <M> Optional<ModelPageAddress<M>> resolve(String rest, Function<String, Optional<M>> models) {
        var whole = models.apply(rest);
        if (whole.isPresent()) {
            return Optional.of(new ModelPageAddress<>(whole.get(), ModelPages.Tab.PLATFORMS, null));
        }
        int slash = rest.lastIndexOf('/');
        if (slash <= 0) {
            return Optional.empty();
        }
        String segment = rest.substring(slash + 1);
        var tab = ModelPages.Tab.fromKey(segment);
        var platform = Platform.fromKey(segment);
        if (tab.isEmpty() && platform.isEmpty()) {
            return Optional.empty();
        }
        return models.apply(rest.substring(0, slash))
                .map(model ->
                        new ModelPageAddress<>(model, tab.orElse(ModelPages.Tab.PLATFORMS), platform.orElse(null)));
    }

    /** The words of the not-found page for an address that {@link #resolve} did not find. */
    static String notFound(String rest) {
        int slash = rest.lastIndexOf('/');
        return slash <= 0
                ? "No model named '" + rest + "' is in the matrix."
                : "No model named '" + rest + "' is in the matrix, nor a tab or platform '" + rest.substring(slash + 1)
                        + "' of a model named '" + rest.substring(0, slash) + "'.";
    }
}
