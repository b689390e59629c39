package dev.compatmatrix.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.compatmatrix.WritingIntegrationTest;
import dev.compatmatrix.security.token.ApiScope;
import dev.compatmatrix.security.token.ApiTokenService;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * 1,000 seeded random and mutated batches: the API never answers 5xx, and a refused batch leaves every
 * table exactly as it was.
 */
class IngestFuzzTest extends WritingIntegrationTest {

    private static final int PAYLOADS = 1000;
    private static final List<String> TABLES = List.of("compatibility_details", "compatibility_history",
            "automated_results", "validation_reviews", "ingest_batches", "cross_platform_compatibility", "audit_log");
    private static final String[] MODELS = {"gpt2", "bert-base-uncased", "llama-7b", "openai/whisper-tiny", "no-such", ""};
    private static final String[] HARDWARE = {"cpu", "cuda", "rocm", "mps", "webgpu", "tpu", "CUDA", ""};
    private static final String[] LEVELS = {"high", "medium", "low", "unsupported", "excellent", "", "HIGH"};
    private static final String INSERTABLE = "{}[]\",:\\0x\u00e9";
    private static final String[] JUNK = {"null", "true", "-1", "0", "1e309", "\"\"", "[]", "{}", "\"\\u0000\"",
            "\"" + "x".repeat(3000) + "\"", "[[[[[[]]]]]]", "\"<script>\"", "9999999999999"};

    @Autowired
    WebApplicationContext context;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    JdbcClient jdbc;

    @Test
    void random_and_mutated_batches_never_fail_the_server_and_refused_ones_change_nothing() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        String token = IngestApiSupport.token(tokens, "hw-test-harness", ApiScope.RESULTS_WRITE);
        Random random = new Random(20261127);
        TreeMap<Integer, Integer> statuses = new TreeMap<>();
        String before = fingerprint();
        for (int i = 0; i < PAYLOADS; i++) {
            String body = payload(random, i);
            int status = mvc.perform(post("/api/v1/results").header("Authorization", "Bearer " + token)
                    .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse().getStatus();
            statuses.merge(status, 1, Integer::sum);
            assertThat(status).as("payload %d: %s", i, abbreviate(body)).isLessThan(500);
            String after = fingerprint();
            if (status >= 400) {
                assertThat(after).as("refused payload %d changed the database: %s", i, abbreviate(body)).isEqualTo(before);
            }
            before = after;
        }
        System.out.println("Ingest fuzz: " + PAYLOADS + " payloads, answers by status " + statuses);
        assertThat(statuses.keySet()).as("both accepted and refused payloads were exercised")
                .anyMatch(s -> s < 300).anyMatch(s -> s == 400).anyMatch(s -> s == 422);
    }

    private String fingerprint() {
        StringBuilder print = new StringBuilder();
        for (String table : TABLES) {
            print.append(table).append('=').append(jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single()).append(' ');
        }
        print.append(jdbc.sql("""
                SELECT coalesce(sum(row_version), 0) || ':' || coalesce(sum(hash(compatibility_level || validation_status)), 0)
                FROM compatibility_details""").query(String.class).single());
        return print.toString();
    }

    private static String payload(Random random, int i) {
        String valid = valid(random, i);
        return switch (random.nextInt(6)) {
            case 0 -> valid;
            case 1 -> mutateCharacters(valid, random);
            case 2 -> valid.replaceFirst("\"(high|medium|low|unsupported|[a-z0-9_/-]+)\"", pick(JUNK, random));
            case 3 -> valid.replace("\"batch_id\"", pick(new String[] {"\"batchId\"", "\"batch_id\"", "\"x\""}, random));
            case 4 -> "{\"batch_id\":\"f" + i + "\",\"results\":" + pick(JUNK, random) + "}";
            default -> randomJson(random, 0);
        };
    }

    private static String valid(Random random, int i) {
        StringBuilder json = new StringBuilder("{\"batch_id\":\"fuzz-" + i + "\",\"results\":[");
        int results = 1 + random.nextInt(4);
        for (int r = 0; r < results; r++) {
            if (r > 0) {
                json.append(',');
            }
            json.append("{\"model\":\"").append(pick(MODELS, random)).append("\",\"hardware\":\"")
                    .append(pick(HARDWARE, random)).append('"');
            if (random.nextBoolean()) {
                json.append(",\"level\":\"").append(pick(LEVELS, random)).append('"');
            } else {
                json.append(",\"tests_passed\":").append(random.nextInt(200) - 5)
                        .append(",\"tests_failed\":").append(random.nextInt(20) - 2);
            }
            if (random.nextBoolean()) {
                json.append(",\"evidence\":{\"run\":\"run-").append(random.nextInt(1000))
                        .append("\",\"batch_size\":").append(random.nextInt(70) - 3)
                        .append(",\"precision\":\"").append(pick(new String[] {"fp16", "fp32", "int8", "fp64"}, random))
                        .append("\",\"simulated\":").append(random.nextBoolean()).append('}');
            }
            json.append('}');
        }
        return json.append("]}").toString();
    }

    private static String mutateCharacters(String text, Random random) {
        StringBuilder mutated = new StringBuilder(text);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && !mutated.isEmpty(); e++) {
            int at = random.nextInt(mutated.length());
            switch (random.nextInt(3)) {
                case 0 -> mutated.deleteCharAt(at);
                case 1 -> mutated.insert(at, INSERTABLE.charAt(random.nextInt(INSERTABLE.length())));
                default -> mutated.setCharAt(at, (char) (32 + random.nextInt(95)));
            }
        }
        return mutated.toString();
    }

    private static String randomJson(Random random, int depth) {
        return switch (depth > 3 ? random.nextInt(3) : random.nextInt(6)) {
            case 0 -> String.valueOf(random.nextInt());
            case 1 -> "\"" + Long.toHexString(random.nextLong()) + "\"";
            case 2 -> pick(JUNK, random);
            case 3 -> "[" + randomJson(random, depth + 1) + "," + randomJson(random, depth + 1) + "]";
            default -> "{\"" + pick(new String[] {"batch_id", "results", "model", "hardware", "level"}, random) + "\":"
                    + randomJson(random, depth + 1) + "}";
        };
    }

    private static String pick(String[] values, Random random) {
        return values[random.nextInt(values.length)];
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
