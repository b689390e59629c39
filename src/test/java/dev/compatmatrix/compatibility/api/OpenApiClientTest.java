package dev.compatmatrix.compatibility.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.compatmatrix.IntegrationTest;
import dev.compatmatrix.ingest.IngestApiSupport;
import dev.compatmatrix.security.token.ApiScope;
import dev.compatmatrix.security.token.ApiTokenService;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client built only from the served OpenAPI document (read with swagger-core's own model, as generators do):
 * its server, paths, parameters with their enumerations and limits, security scheme and request body are enough
 * to call every operation, and what the API answers has the documented shape.
 */
class OpenApiClientTest extends IntegrationTest {

    @Autowired
    WebApplicationContext context;

    @Autowired
    ApiTokenService tokens;

    @Autowired
    JsonMapper json;

    MockMvc mvc;
    OpenAPI document;
    Map<ApiScope, String> secrets = new LinkedHashMap<>();

    @BeforeEach
    void readTheDocument() throws Exception {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
        String served = mvc.perform(get("/api/openapi.json").header("Host", "attacker.example"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(served).doesNotContain("attacker.example");
        document = Json31.mapper().readValue(served, OpenAPI.class);
        secrets.put(ApiScope.READ, IngestApiSupport.token(tokens, "nightly-ci", ApiScope.READ));
        secrets.put(ApiScope.RESULTS_WRITE, IngestApiSupport.token(tokens, "nightly-ci", ApiScope.RESULTS_WRITE));
    }

    /** The Authorization header the document's security scheme asks for. */
    private String authorization(ApiScope scope) {
        String scheme = document.getSecurity().getFirst().keySet().iterator().next();
        SecurityScheme security = document.getComponents().getSecuritySchemes().get(scheme);
        assertThat(security.getType()).isEqualTo(SecurityScheme.Type.HTTP);
        assertThat(security.getScheme()).isEqualToIgnoringCase("bearer");
        return "Bearer " + secrets.get(scope);
    }

    private Map<String, Operation> gets() {
        Map<String, Operation> gets = new LinkedHashMap<>();
        document.getPaths().forEach((path, item) -> {
            if (item.getGet() != null) {
                gets.put(path, item.getGet());
            }
        });
        return gets;
    }

    /**
     * The operation's URL: the server, the path with its parameters' examples, the required query parameters (a value
     * their schema names, else their example).
     */
    private UriComponentsBuilder url(String path, Operation operation) {
        String server = document.getServers().getFirst().getUrl();
        String expanded = path;
        for (Parameter parameter : parameters(operation)) {
            if (parameter.getIn().equals("path")) {
                expanded = expanded.replace("{" + parameter.getName() + "}", String.valueOf(parameter.getExample()));
            }
        }
        UriComponentsBuilder url = UriComponentsBuilder.fromUriString(server.replaceAll("/$", "") + expanded);
        for (Parameter parameter : parameters(operation)) {
            if (parameter.getIn().equals("query") && Boolean.TRUE.equals(parameter.getRequired())) {
                List<Object> named = values(parameter.getSchema());
                url.queryParam(parameter.getName(), named.isEmpty() ? parameter.getExample() : named.getFirst());
            }
        }
        return url;
    }

    private static List<Parameter> parameters(Operation operation) {
        return operation.getParameters() == null ? List.of() : operation.getParameters();
    }

    /** The values a schema names: its enumeration (of its items, for a list) or its bounds. */
    private static List<Object> values(Schema<?> schema) {
        Schema<?> values = schema.getItems() != null ? schema.getItems() : schema;
        List<Object> named = new ArrayList<>();
        if (values.getEnum() != null) {
            named.addAll(values.getEnum());
        }
        if (values.getMinimum() != null) {
            named.add(values.getMinimum());
        }
        if (values.getMaximum() != null) {
            named.add(values.getMaximum());
        }
        return named;
    }

    private MockHttpServletResponse call(URI url) throws Exception {
        return mvc.perform(get(url).header("Authorization", authorization(ApiScope.READ)))
                .andReturn()
                .getResponse();
    }

    @Test
    void the_document_has_real_paths_a_bearer_scheme_and_a_server_no_host_header_chose() {
        assertThat(document.getPaths())
                .containsKeys(
                        "/api/v1/matrix",
                        "/api/v1/matrix/export",
                        "/api/v1/models/{name}",
                        "/api/v1/models/{name}/history",
                        "/api/v1/recommendations",
                        "/api/v1/results");
        assertThat(document.getPaths().keySet()).noneMatch(path -> path.contains("*"));
        assertThat(document.getServers()).extracting(server -> server.getUrl()).containsExactly("/");
        authorization(ApiScope.READ);
        assertThat(document.getPaths()
                        .get("/api/v1/matrix")
                        .getGet()
                        .getResponses()
                        .get("400")
                        .getContent()
                        .get("application/problem+json")
                        .getSchema()
                        .get$ref())
                .endsWith("/Problem");
    }

    @Test
    void every_documented_value_of_every_parameter_is_accepted() throws Exception {
        int calls = 0;
        for (var entry : gets().entrySet()) {
            Operation operation = entry.getValue();
            assertThat(call(url(entry.getKey(), operation).build().encode().toUri())
                            .getStatus())
                    .as(entry.getKey())
                    .isEqualTo(200);
            for (Parameter parameter : parameters(operation)) {
                if (!parameter.getIn().equals("query") || Boolean.TRUE.equals(parameter.getRequired())) {
                    continue;
                }
                for (Object value : values(parameter.getSchema())) {
                    URI uri = url(entry.getKey(), operation)
                            .queryParam(parameter.getName(), value)
                            .build()
                            .encode()
                            .toUri();
                    MockHttpServletResponse response = call(uri);
                    assertThat(response.getStatus())
                            .as(uri + " " + response.getContentAsString())
                            .isEqualTo(200);
                    calls++;
                }
            }
        }
        assertThat(calls).as("documented parameter values called").isGreaterThan(100);
    }

    @Test
    void the_documented_query_parameters_are_exactly_those_the_api_accepts() throws Exception {
        for (var entry : gets().entrySet()) {
            Set<String> documented = parameters(entry.getValue()).stream()
                    .filter(p -> p.getIn().equals("query"))
                    .map(Parameter::getName)
                    .collect(Collectors.toCollection(TreeSet::new));
            URI uri = url(entry.getKey(), entry.getValue())
                    .queryParam("not_documented", "1")
                    .build()
                    .encode()
                    .toUri();
            MockHttpServletResponse response = call(uri);
            assertThat(response.getStatus()).as(uri.toString()).isEqualTo(400);
            JsonNode problem = json.readTree(response.getContentAsString());
            Set<String> accepted = new TreeSet<>();
            problem.get("accepted_parameters").forEach(name -> accepted.add(name.asString()));
            assertThat(accepted).as(entry.getKey()).isEqualTo(documented);
        }
    }

    @Test
    void json_answers_have_the_documented_snake_case_keys() throws Exception {
        for (String path : List.of(
                "/api/v1/matrix",
                "/api/v1/models/{name}",
                "/api/v1/models/{name}/history",
                "/api/v1/recommendations")) {
            Operation operation = document.getPaths().get(path).getGet();
            JsonNode answer = json.readTree(
                    call(url(path, operation).build().encode().toUri()).getContentAsString());
            Schema<?> schema = resolve(operation
                    .getResponses()
                    .get("200")
                    .getContent()
                    .values()
                    .iterator()
                    .next()
                    .getSchema());
            assertKeysDocumented(path, answer, schema);
        }
    }

    /** Every key of {@code node} is a property of {@code schema}, in snake_case; recursively into documented objects. */
    private void assertKeysDocumented(String where, JsonNode node, Schema<?> schema) {
        if (node == null || node.isNull() || schema == null) {
            return;
        }
        if (node.isArray() && schema.getItems() != null) {
            node.forEach(item -> assertKeysDocumented(where + "[]", item, resolve(schema.getItems())));
        } else if (node.isObject() && schema.getProperties() != null) {
            for (String key : node.propertyNames()) {
                assertThat(key).as(where).matches("[a-z0-9_]+");
                assertThat(schema.getProperties()).as(where).containsKey(key);
                assertKeysDocumented(
                        where + "." + key,
                        node.get(key),
                        resolve(schema.getProperties().get(key)));
            }
        } else if (node.isObject() && schema.getAdditionalProperties() instanceof Schema<?> values) {
            for (String key : node.propertyNames()) {
                assertKeysDocumented(where + "." + key, node.get(key), resolve(values));
            }
        }
    }

    private Schema<?> resolve(Schema<?> schema) {
        if (schema != null && schema.get$ref() != null) {
            return document.getComponents()
                    .getSchemas()
                    .get(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1));
        }
        if (schema != null && schema.getOneOf() != null) {
            return resolve(schema.getOneOf().stream()
                    .filter(s -> s.get$ref() != null)
                    .findFirst()
                    .orElse(schema));
        }
        return schema;
    }

    @Test
    void the_ingest_body_built_from_the_documented_schema_is_read_and_judged() throws Exception {
        Operation operation = document.getPaths().get("/api/v1/results").getPost();
        Schema<?> batch = resolve(
                operation.getRequestBody().getContent().get("application/json").getSchema());
        assertThat(batch.getProperties()).containsKeys("batch_id", "results");
        Schema<?> result = resolve(resolve(batch.getProperties().get("results")).getItems());
        assertThat(result.getProperties())
                .containsKeys("model", "hardware", "level", "tests_passed", "tests_failed", "evidence", "performance");
        // A model that does not exist: the body's shape is accepted and the result judged (422), nothing written.
        String body = json.writeValueAsString(Map.of(
                "batch_id",
                "openapi-client-" + System.nanoTime(),
                "results",
                List.of(Map.of("model", "no-such-model", "hardware", "cpu", "level", "high"))));
        MockHttpServletResponse response = mvc.perform(post(URI.create("/api/v1/results"))
                        .header("Authorization", authorization(ApiScope.RESULTS_WRITE))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(422);
        assertThat(operation.getResponses()).containsKeys("201", "200", "400", "401", "403", "409", "413", "422");
    }
}
