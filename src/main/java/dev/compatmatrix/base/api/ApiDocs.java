package dev.compatmatrix.base.api;

import dev.compatmatrix.base.Keyed;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document's frame (springdoc): the bearer token scheme every operation needs, the problem-details
 * schema of every error, the paging parameters, and the server — the configured public URL or the relative "/",
 * never the Host header a request happened to send. Features describe their own query parameters with
 * {@link #query} so that enumerations come from the code's enums and cannot drift from what the API accepts.
 */
@Configuration
public class ApiDocs {

    public static final String PROBLEM_JSON = "application/problem+json";
    public static final String PROBLEM = "#/components/schemas/Problem";
    public static final String TOKEN = "apiToken";

    /** On a handler method: the operation takes {@code offset} and {@code limit}. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    public @interface Paged {}

    @Bean
    OpenAPI apiDocument(@Value("${compat.public-url:}") String publicUrl) {
        return new OpenAPI()
                .info(new Info()
                        .title("Compatibility Matrix Console API")
                        .version("v1")
                        .description("Read the compatibility matrix and post CI results. Every call needs an API token "
                                + "(admin → API tokens) as 'Authorization: Bearer cmc_…'; errors are RFC 9457 problem "
                                + "details; unknown query parameters are refused."))
                .servers(List.of(new Server().url(publicUrl.isBlank() ? "/" : publicUrl)))
                .components(new Components()
                        .addSecuritySchemes(
                                TOKEN,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("cmc_…")
                                        .description(
                                                "An API token with scope read, results:write, watches:write or feedback:write"))
                        .addSchemas("Problem", problemSchema()))
                .addSecurityItem(new SecurityRequirement().addList(TOKEN));
    }

    /** Every operation: paging where marked, and the problems any call can meet. */
    @Bean
    OperationCustomizer commonParametersAndProblems() {
        return (operation, handler) -> {
            if (handler.hasMethodAnnotation(Paged.class)) {
                operation.addParametersItem(query(
                        "offset",
                        "Rows to skip",
                        new IntegerSchema()
                                .minimum(BigDecimal.ZERO)
                                .maximum(BigDecimal.valueOf(ApiPaging.MAX_OFFSET))
                                ._default(0)));
                operation.addParametersItem(query(
                        "limit",
                        "Rows to return",
                        new IntegerSchema()
                                .minimum(BigDecimal.ONE)
                                .maximum(BigDecimal.valueOf(ApiPaging.MAX_LIMIT))
                                ._default(ApiPaging.DEFAULT_LIMIT)));
            }
            Map<String, String> problems = Map.of(
                    "400", "A parameter or the body cannot be used; the problem names each",
                    "401", "No valid API token",
                    "403", "The token's scopes do not allow this");
            problems.forEach((status, description) -> {
                if (operation.getResponses() != null
                        && !operation.getResponses().containsKey(status)) {
                    operation.getResponses().addApiResponse(status, problem(description));
                }
            });
            return operation;
        };
    }

    /** A response of problem details. */
    public static ApiResponse problem(String description) {
        return new ApiResponse()
                .description(description)
                .content(
                        new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref(PROBLEM))));
    }

    /** An optional query parameter. */
    public static Parameter query(String name, String description, Schema<?> schema) {
        return new Parameter()
                .in("query")
                .name(name)
                .description(description)
                .required(false)
                .schema(schema);
    }

    /** A text schema whose values are the keys of {@code type}'s constants. */
    public static <E extends Enum<E> & Keyed> StringSchema keys(Class<E> type) {
        StringSchema schema = new StringSchema();
        schema.setEnum(Arrays.stream(type.getEnumConstants()).map(Keyed::key).toList());
        return schema;
    }

    /** A number schema from {@code min} to {@code max}. */
    public static NumberSchema range(double min, double max) {
        NumberSchema schema = new NumberSchema();
        schema.minimum(BigDecimal.valueOf(min)).maximum(BigDecimal.valueOf(max));
        return schema;
    }

    /** A repeatable parameter's schema. */
    public static ArraySchema repeated(Schema<?> item) {
        return new ArraySchema().items(item);
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("RFC 9457 problem details")
                .addProperty("type", new StringSchema())
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty(
                        "invalid_parameters",
                        new ArraySchema()
                                .items(new StringSchema())
                                .description("Each unusable query parameter, with why"))
                .addProperty(
                        "accepted_parameters",
                        new ArraySchema()
                                .items(new StringSchema())
                                .description("The query parameters the endpoint accepts"))
                .addProperty("pointer", new StringSchema().description("JSON pointer of the body's unusable value"))
                .addProperty(
                        "invalid_fields",
                        new ArraySchema()
                                .items(new ObjectSchema()
                                        .addProperty("field", new StringSchema())
                                        .addProperty("message", new StringSchema()))
                                .description("Each unusable field of a posted body, with why"))
                .addProperty(
                        "errors",
                        new ArraySchema()
                                .items(new ObjectSchema()
                                        .addProperty("index", new IntegerSchema())
                                        .addProperty("field", new StringSchema())
                                        .addProperty("message", new StringSchema()))
                                .description("Each refused result of a batch"));
    }
}
