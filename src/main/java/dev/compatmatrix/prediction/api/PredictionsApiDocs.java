package dev.compatmatrix.prediction.api;

import static dev.compatmatrix.base.api.ApiDocs.keys;
import static dev.compatmatrix.base.api.ApiDocs.query;

import dev.compatmatrix.matrix.Platform;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.StringSchema;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

/** Documents {@code GET /api/v1/predictions}: the model (any name) and the platform (values from the enum). */
@Component
class PredictionsApiDocs implements OperationCustomizer {

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        if (handler.getBeanType() != PredictionsApiController.class) {
            return operation;
        }
        operation.addParametersItem(query(
                PredictionsApiController.MODEL,
                "Only this model's predictions, by its exact name (unknown: 404); without it, a page of all",
                new StringSchema()));
        operation.addParametersItem(
                query(PredictionsApiController.PLATFORM, "Only this platform (unknown: 400)", keys(Platform.class)));
        return operation;
    }
}
