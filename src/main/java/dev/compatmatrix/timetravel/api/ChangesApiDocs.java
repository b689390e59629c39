package dev.compatmatrix.timetravel.api;

import static dev.compatmatrix.base.api.ApiDocs.keys;
import static dev.compatmatrix.base.api.ApiDocs.query;

import dev.compatmatrix.compatibility.export.ExportFormat;
import dev.compatmatrix.matrix.ModelType;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.timetravel.export.ChangesFiles;
import dev.compatmatrix.timetravel.query.CellChangeKind;
import dev.compatmatrix.timetravel.query.ChangesParameters;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.ArrayList;
import java.util.List;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

/** Documents {@code GET /api/v1/changes}: both ends, the filter (values from the enums the parser reads), the files. */
@Component
class ChangesApiDocs implements OperationCustomizer {

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        if (handler.getBeanType() != ChangesApiController.class) {
            return operation;
        }
        String point =
                "A day YYYY-MM-DD (its end, UTC) or a snapshot's name; not in the future, not before the history";
        operation.addParametersItem(query(
                ChangesParameters.FROM,
                "The earlier end (default: 30 days before today). " + point,
                new StringSchema()));
        operation.addParametersItem(
                query(ChangesParameters.TO, "The later end (default: today). " + point, new StringSchema()));
        operation.addParametersItem(query("platform", "Only this platform", keys(Platform.class)));
        operation.addParametersItem(query("family", "Only this model family, exactly", new StringSchema()));
        operation.addParametersItem(query("type", "Only this model type", keys(ModelType.class)));
        operation.addParametersItem(query("kind", "Only this kind of change", keys(CellChangeKind.class)));
        List<String> formats = new ArrayList<>(List.of(ChangesApiController.JSON));
        for (ExportFormat file : ChangesFiles.FORMATS) {
            formats.add(file.key());
        }
        StringSchema format = new StringSchema();
        format.setEnum(formats);
        format.setDefault(ChangesApiController.JSON);
        operation.addParametersItem(
                query(ChangesApiController.FORMAT, "json: counts and a page; markdown, csv: the whole file", format));
        ApiResponse ok = operation.getResponses().get("200");
        if (ok != null && ok.getContent() != null) {
            for (ExportFormat file : ChangesFiles.FORMATS) {
                ok.getContent()
                        .addMediaType(file.contentType(), new MediaType().schema(new StringSchema().format("binary")));
            }
        }
        return operation;
    }
}
