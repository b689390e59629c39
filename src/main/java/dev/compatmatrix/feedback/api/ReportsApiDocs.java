package dev.compatmatrix.feedback.api;

import static dev.compatmatrix.base.api.ApiDocs.keys;
import static dev.compatmatrix.base.api.ApiDocs.query;

import dev.compatmatrix.feedback.ReportState;
import dev.compatmatrix.matrix.Platform;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.StringSchema;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.method.HandlerMethod;

/** Documents the filters of {@code GET /api/v1/reports}. */
@Component
class ReportsApiDocs implements OperationCustomizer {

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        if (handler.getBeanType() == ReportsApiController.class && handler.hasMethodAnnotation(GetMapping.class)) {
            operation.addParametersItem(
                    query("model", "Only reports on this model (its exact name)", new StringSchema()));
            operation.addParametersItem(query("platform", "Only reports on this platform", keys(Platform.class)));
            operation.addParametersItem(query("state", "Only reports in this state", keys(ReportState.class)));
        }
        return operation;
    }
}
