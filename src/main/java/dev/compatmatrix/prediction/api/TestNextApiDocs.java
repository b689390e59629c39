package dev.compatmatrix.prediction.api;

import static dev.compatmatrix.base.api.ApiDocs.keys;
import static dev.compatmatrix.base.api.ApiDocs.query;

import dev.compatmatrix.matrix.ModelType;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.prediction.query.TestNextParameters;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.List;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

/** Documents {@code GET /api/v1/test-next}: the filter (values from the enums the parser reads) and the CSV. */
@Component
class TestNextApiDocs implements OperationCustomizer {

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        if (handler.getBeanType() != TestNextApiController.class) {
            return operation;
        }
        operation.addParametersItem(query(TestNextParameters.PLATFORM, "Only this platform", keys(Platform.class)));
        operation.addParametersItem(
                query(TestNextParameters.FAMILY, "Only this model family, exactly", new StringSchema()));
        operation.addParametersItem(query(TestNextParameters.TYPE, "Only this model type", keys(ModelType.class)));
        StringSchema format = new StringSchema();
        format.setEnum(List.of(TestNextApiController.JSON, TestNextApiController.CSV));
        format.setDefault(TestNextApiController.JSON);
        operation.addParametersItem(query(
                TestNextApiController.FORMAT,
                "json: a page; csv: every filtered cell in rank order (offset and limit do not apply)",
                format));
        ApiResponse ok = operation.getResponses().get("200");
        if (ok != null && ok.getContent() != null) {
            ok.getContent().addMediaType("text/csv", new MediaType().schema(new StringSchema().format("binary")));
        }
        return operation;
    }
}
