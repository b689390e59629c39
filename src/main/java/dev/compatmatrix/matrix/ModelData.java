package dev.compatmatrix.matrix;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** A model as an editor enters it; names are unique (checked by the service and the database). */
public record ModelData(
        @NotBlank(message = "Enter the model's name")
        @Size(max = 200, message = "At most 200 characters")
        @ValidIdentifier(Identifier.MODEL_NAME)
        String name,

        @NotBlank(message = "Enter the family")
        @Size(max = 80, message = "At most 80 characters")
        @ValidIdentifier(Identifier.FAMILY)
        String family,

        @NotNull(message = "Choose a type") ModelType type,
        @NotNull(message = "Choose a size") ModelSize size,

        @Positive(message = "Parameters are a positive number of millions")
        Double parametersMillions,

        @Size(max = 500, message = "At most 500 characters")
        @Pattern(regexp = "https?://\\S+", message = "An http(s) link")
        String sourceUrl) {

    public ModelData {
        name = name == null ? null : name.strip();
        family = family == null ? null : family.strip();
        sourceUrl = sourceUrl == null || sourceUrl.isBlank() ? null : sourceUrl.strip();
    }
}
