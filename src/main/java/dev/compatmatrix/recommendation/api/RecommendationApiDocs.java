package dev.compatmatrix.recommendation.api;

import static dev.compatmatrix.base.api.ApiDocs.query;

import dev.compatmatrix.base.Keyed;
import dev.compatmatrix.recommendation.query.RecommendationSort;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.util.Arrays;
import java.util.stream.Stream;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

/** Documents the Recommendations screen's query parameters on {@code GET /api/v1/recommendations}. */
@Component
class RecommendationApiDocs implements OperationCustomizer {

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        if (handler.getBeanType() == RecommendationApiController.class) {
            StringSchema sort = new StringSchema();
            sort.setEnum(Arrays.stream(RecommendationSort.Column.values())
                    .map(Keyed::key)
                    .flatMap(key -> Stream.of(key, "-" + key))
                    .toList());
            operation.addParametersItem(query(
                    "task",
                    "A task type that occurs, e.g. text_generation",
                    new StringSchema().pattern("^[a-z0-9_]{1,64}$")));
            operation.addParametersItem(query("batch", "A batch size that occurs, e.g. 8", new IntegerSchema()));
            operation.addParametersItem(query("model", "Part of the model's name", new StringSchema().maxLength(200)));
            operation.addParametersItem(query("sort", "A column key; a leading '-' sorts descending", sort));
        }
        return operation;
    }
}
