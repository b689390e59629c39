package dev.compatmatrix.compatibility.api;

import static dev.compatmatrix.base.api.ApiDocs.keys;
import static dev.compatmatrix.base.api.ApiDocs.query;

import dev.compatmatrix.base.Keyed;
import dev.compatmatrix.base.api.ApiDocs;
import dev.compatmatrix.compatibility.CompatibilityService;
import dev.compatmatrix.compatibility.export.ExportFormat;
import dev.compatmatrix.compatibility.query.MatrixSort;
import dev.compatmatrix.compatibility.query.PlatformState;
import dev.compatmatrix.matrix.ModelSize;
import dev.compatmatrix.matrix.ModelType;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.ValidationStatus;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

/**
 * Documents the matrix filter's query parameters (the matrix screen's URL names) on the matrix and export endpoints,
 * their values taken from the enums the parser reads, and the export's {@code format} and file types.
 */
@Component
class MatrixApiDocs implements OperationCustomizer {

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        Class<?> controller = handler.getBeanType();
        if (controller == MatrixExportController.class) {
            operation.addParametersItem(
                    query("format", "The file format", keys(ExportFormat.class)).required(true));
            Content files = new Content();
            for (ExportFormat format : ExportFormat.values()) {
                files.addMediaType(format.contentType(), new MediaType().schema(new StringSchema().format("binary")));
            }
            operation
                    .getResponses()
                    .addApiResponse(
                            "200",
                            new ApiResponse()
                                    .description("The whole filtered matrix as a file to save")
                                    .content(files));
        }
        if (controller == MatrixExportController.class || controller == MatrixApiController.class) {
            filterParameters(operation);
        }
        return operation;
    }

    private static void filterParameters(Operation operation) {
        List<String> platformFilters = Arrays.stream(Platform.values())
                .flatMap(platform ->
                        Arrays.stream(PlatformState.values()).map(state -> platform.key() + ":" + state.key()))
                .toList();
        StringSchema platform = new StringSchema();
        platform.setEnum(platformFilters);
        StringSchema sort = new StringSchema();
        sort.setEnum(Stream.concat(
                        Arrays.stream(MatrixSort.Column.values()).map(MatrixSort.Column::key),
                        Arrays.stream(Platform.values()).map(Keyed::key))
                .flatMap(key -> Stream.of(key, "-" + key))
                .collect(Collectors.toList()));
        operation.addParametersItem(query("q", "Part of the model's name or family", new StringSchema()));
        operation.addParametersItem(query("family", "The model family, exactly", new StringSchema()));
        operation.addParametersItem(query("type", "The model type", keys(ModelType.class)));
        operation.addParametersItem(query("size", "The model size", keys(ModelSize.class)));
        operation.addParametersItem(
                query("platform", "platform:state, repeatable (all must hold)", ApiDocs.repeated(platform))
                        .explode(true));
        operation.addParametersItem(
                query("validation", "The validation status of at least one claim", keys(ValidationStatus.class)));
        operation.addParametersItem(query("minScore", "The lowest score, 0–1", ApiDocs.range(0, 1)));
        operation.addParametersItem(query("sort", "A column key; a leading '-' sorts descending", sort));
        operation.addParametersItem(query(
                CompatibilityService.AS_OF,
                "The matrix as it was at the end of this day (YYYY-MM-DD, UTC) or at this snapshot (its name); "
                        + "absent or today: now. Not in the future nor before the recorded history.",
                new StringSchema()));
        operation.addParametersItem(query(
                MatrixApiController.INCLUDE_PREDICTIONS,
                "true: also each untested cell's shown prediction, apart from the claims and marked as a prediction"
                        + " (JSON: a 'predictions' object per row, each with \"kind\": \"prediction\"; files:"
                        + " \"predicted: likely High (82 %)\"). A prediction is never a claim and counts nowhere."
                        + " Not with asOf. Default false.",
                booleanSchema()));
    }

    private static io.swagger.v3.oas.models.media.Schema<Boolean> booleanSchema() {
        io.swagger.v3.oas.models.media.BooleanSchema schema = new io.swagger.v3.oas.models.media.BooleanSchema();
        schema.setDefault(false);
        return schema;
    }
}
