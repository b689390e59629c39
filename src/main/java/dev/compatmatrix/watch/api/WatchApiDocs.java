package dev.compatmatrix.watch.api;

import static dev.compatmatrix.base.api.ApiDocs.keys;
import static dev.compatmatrix.base.api.ApiDocs.query;

import dev.compatmatrix.matrix.Platform;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.method.HandlerMethod;

/** Documents what {@code POST} and {@code DELETE /api/v1/watches} take: the target's parameters (and an id). */
@Component
class WatchApiDocs implements OperationCustomizer {

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        if (handler.getBeanType() != WatchApiController.class) {
            return operation;
        }
        boolean delete = handler.hasMethodAnnotation(DeleteMapping.class);
        if (delete || handler.hasMethodAnnotation(PostMapping.class)) {
            operation.addParametersItem(
                    query("model", "A model's name: alone the model, with platform one cell", new StringSchema()));
            operation.addParametersItem(query(
                    "platform", "A platform: alone every model on it, with model one cell", keys(Platform.class)));
            operation.addParametersItem(query("family", "A model family, alone", new StringSchema()));
        }
        if (delete) {
            operation.addParametersItem(
                    query("id", "A watch's id, instead of model, platform and family", new IntegerSchema()));
        }
        return operation;
    }
}
