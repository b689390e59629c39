package dev.compatmatrix.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.compatmatrix.HeldSnapshot;
import dev.compatmatrix.TableFingerprint;
import dev.compatmatrix.WritingIntegrationTest;
import dev.compatmatrix.security.token.ApiScope;
import dev.compatmatrix.security.token.ApiTokenService;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * 10,000 seeded random and mutated payloads (issue 9) through the real filter chain: random JSON, mutated valid
 * batches (wrong types, missing fields, huge strings, unicode, nulls, negative and non-finite numbers, unknown
 * platforms and levels, duplicate keys, deep nesting), wrong content types and truncated bodies. The API never
 * answers 5xx, a refused payload leaves every table exactly as it was, and an accepted batch is there completely.
 *
 * <p>Seed: {@code -Dfuzz.seed=…} (printed, and named in every failure); count: {@code -Dfuzz.payloads=…}.
 */
class IngestFuzzTest extends WritingIntegrationTest {

    private static final int PAYLOADS = Integer.getInteger("fuzz.payloads", 10_000);
    private static final long SEED = Long.getLong("fuzz.seed", 20261127L);
    private static final String[] CONTENT_TYPES = {
        "text/plain",
        "application/xml",
        "application/x-www-form-urlencoded",
        "application/json;charset=ISO-8859-1",
        "application/json-patch+json",
        "multipart/form-data; boundary=x"
    };
    private static final String[] MODELS = {
        "gpt2", "bert-base-uncased", "llama-7b", "openai/whisper-tiny", "no-such", ""
    };
    private static final String[] HARDWARE = {"cpu", "cuda", "rocm", "mps", "webgpu", "tpu", "CUDA", ""};
    private static final String[] LEVELS = {"high", "medium", "low", "unsupported", "excellent", "", "HIGH"};
    private static final String INSERTABLE = "{}[]\",:\\0x\u00e9";
    private static final String[] JUNK = {
        "null",
        "true",
        "-1",
        "0",
        "1e309",
        "\"\"",
        "[]",
        "{}",
        "\"\\u0000\"",
        "\"" + "x".repeat(3000) + "\"",
        "[[[[[[]]]]]]",
        "\"<script>\"",
        "9999999999999",
        "NaN",
        "-Infinity",
        "1e400",
        "-0.0",
        "\"\\ud800\"",
        "\"😀\\u202e\"",
        "99999999999999999999999",
        "{\"$ref\": \"x\"}",
        "[null]",
        "\"\\u0000\""
    };

    @Autowired
    WebApplicationContext context;

    @Autowired
    ApiTokenService tokens;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    private record Request(String body, String contentType, String kind) {}

    @Test
    void random_and_mutated_batches_never_fail_the_server_and_refused_ones_change_nothing() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
        String token = IngestApiSupport.token(tokens, "hw-test-harness", ApiScope.RESULTS_WRITE);
        // Ingest updates claims and the matrix rows; everything else it writes is appended.
        TableFingerprint tables = TableFingerprint.of(
                jdbc,
                java.util.Set.of(
                        "compatibility_details",
                        "cross_platform_compatibility",
                        "models",
                        "api_tokens",
                        "app_settings"));
        Random random = new Random(SEED);
        TreeMap<Integer, Integer> statuses = new TreeMap<>();
        TreeMap<String, Integer> kinds = new TreeMap<>();
        // The refused payloads since the last accepted one must leave the database as that one left it. Their
        // fingerprint is taken once per such run, as the database was just before the next accepted payload (a
        // snapshot pinned before each request) or at the end.
        List<String> refusedSince = new ArrayList<>();
        String before = tables.take();
        long started = System.nanoTime();
        try (HeldSnapshot beforeRequest = HeldSnapshot.of(dataSource)) {
            for (int i = 0; i < PAYLOADS; i++) {
                Request request = request(random, i);
                String what = "payload " + i + " (seed " + SEED + ", " + request.kind() + ", " + request.contentType()
                        + "): " + abbreviate(request.body());
                beforeRequest.pin();
                var response = mvc.perform(post("/api/v1/results")
                                .header("Authorization", "Bearer " + token)
                                .contentType(request.contentType())
                                .content(request.body().getBytes(StandardCharsets.UTF_8)))
                        .andReturn()
                        .getResponse();
                int status = response.getStatus();
                statuses.merge(status, 1, Integer::sum);
                kinds.merge(request.kind() + (status < 300 ? " accepted" : " refused"), 1, Integer::sum);
                assertThat(status).as(what).isLessThan(500);
                if (status >= 400) {
                    refusedSince.add(what);
                    continue;
                }
                assertThat(tables.takeAt(beforeRequest))
                        .as("refused %s changed the database", refusedSince)
                        .isEqualTo(before);
                if (status == 201) {
                    assertThat(batchRecorded(response.getContentAsString()))
                            .as("accepted %s is recorded", what)
                            .isTrue();
                }
                refusedSince.clear();
                before = tables.take();
            }
        }
        assertThat(tables.take())
                .as("refused %s changed the database", refusedSince)
                .isEqualTo(before);
        int accepted = statuses.headMap(300).values().stream()
                .mapToInt(Integer::intValue)
                .sum();
        System.out.printf(
                java.util.Locale.ROOT,
                "Ingest fuzz (seed %d): %d payloads in %.0f s, answers by status %s; "
                        + "accepted %d, refused %d; by kind %s; no 5xx, refused payloads changed nothing%n",
                SEED,
                PAYLOADS,
                (System.nanoTime() - started) / 1e9,
                statuses,
                accepted,
                PAYLOADS - accepted,
                kinds);
        assertThat(statuses.keySet())
                .as("both accepted and refused payloads were exercised")
                .anyMatch(s -> s < 300)
                .anyMatch(s -> s == 400)
                .anyMatch(s -> s == 415)
                .anyMatch(s -> s == 422);
    }

    /** An accepted batch is recorded with its automated results: all of it landed. */
    private boolean batchRecorded(String report) {
        String batchId = report.replaceFirst("(?s).*\"batch_id\"\\s*:\\s*\"([^\"]*)\".*", "$1");
        int results = Integer.parseInt(report.replaceFirst("(?s).*\"results\"\\s*:\\s*(\\d+).*", "$1"));
        return jdbc.sql("SELECT items FROM ingest_batches WHERE batch_id = :id")
                .param("id", batchId)
                .query(Integer.class)
                .optional()
                .filter(items -> items == results)
                .isPresent();
    }

    private static Request request(Random random, int i) {
        String json = MediaType.APPLICATION_JSON_VALUE;
        return switch (random.nextInt(12)) {
            case 0 -> new Request(valid(random, i), json, "valid");
            case 1 -> new Request(valid(random, i).replace("\"level\":\"high\"", "\"level\":null"), json, "null value");
            case 2 -> new Request(mutateCharacters(valid(random, i), random), json, "mutated characters");
            case 3 ->
                new Request(
                        valid(random, i)
                                .replaceFirst(
                                        "\"(high|medium|low|unsupported|[a-z0-9_/-]+)\"",
                                        java.util.regex.Matcher.quoteReplacement(pick(JUNK, random))),
                        json,
                        "wrong type or value");
            case 4 ->
                new Request(
                        valid(random, i)
                                .replace(
                                        "\"batch_id\"",
                                        pick(new String[] {"\"batchId\"", "\"batch_id\"", "\"x\""}, random)),
                        json,
                        "renamed field");
            case 5 ->
                new Request(
                        "{\"batch_id\":\"f" + i + "\",\"results\":" + pick(JUNK, random) + "}", json, "junk results");
            case 6 -> new Request(randomJson(random, 0), json, "random JSON");
            case 7 -> {
                String valid = valid(random, i);
                yield new Request(valid.substring(0, random.nextInt(valid.length())), json, "truncated");
            }
            case 8 -> new Request(valid(random, i), pick(CONTENT_TYPES, random), "wrong content type");
            case 9 -> new Request(dropField(valid(random, i), random), json, "missing field");
            case 10 -> new Request(extreme(random, i), json, "extreme");
            default ->
                new Request(
                        valid(random, i).replace("{\"batch_id\":", "{\"batch_id\":\"dup-" + i + "\",\"batch_id\":"),
                        json,
                        "duplicate key");
        };
    }

    /** Deep nesting, huge strings, unicode in names, non-finite and out-of-range numbers, a body over the limit. */
    private static String extreme(Random random, int i) {
        return switch (random.nextInt(7)) {
            case 0 -> "[".repeat(1000 + random.nextInt(20_000));
            case 1 -> "{\"batch_id\":\"x" + i + "\",\"results\":" + "[".repeat(2000) + "]".repeat(2000) + "}";
            case 2 -> valid(random, i).replace("\"run-", "\"" + "r".repeat(100_000 + random.nextInt(200_000)));
            case 3 ->
                valid(random, i)
                        .replaceFirst(
                                "\"model\":\"[^\"]*\"",
                                "\"model\":\""
                                        + pick(
                                                new String[] {
                                                    "gpt2\\u0000",
                                                    "😀",
                                                    "\\u202egpt2",
                                                    "gpt2\\ud800",
                                                    "ｇｐｔ２",
                                                    "GPT2",
                                                    " gpt2 ",
                                                    "gpt2\\n"
                                                },
                                                random)
                                        + "\"");
            case 4 ->
                "{\"batch_id\":\"e" + i + "\",\"results\":[{\"model\":\"gpt2\",\"hardware\":\"cpu\",\"level\":\"high\","
                        + "\"performance\":[{\"task\":\"t\",\"batch_size\":"
                        + pick(new String[] {"1", "-1", "0", "2147483648", "1.5"}, random)
                        + ",\"precision\":\"fp16\",\"throughput_items_per_s\":"
                        + pick(new String[] {"1e400", "-1", "NaN", "0", "1e308"}, random)
                        + ",\"latency_p50_ms\":" + pick(new String[] {"1", "-0.0", "1e-320"}, random)
                        + ",\"latency_p95_ms\":0.5}]}]}";
            case 5 ->
                "{\"batch_id\":\"big" + i
                        + "\",\"results\":[{\"model\":\"gpt2\",\"hardware\":\"cpu\",\"level\":\"high\","
                        + "\"notes\":\"" + "n".repeat(4 * 1024 * 1024) + "\"}]}";
            default ->
                "{\"batch_id\":\"" + "b".repeat(random.nextInt(300)) + "\",\"results\":["
                        + String.join(
                                ",",
                                java.util.Collections.nCopies(
                                        random.nextInt(1100),
                                        "{\"model\":\"gpt2\",\"hardware\":\"cpu\",\"level\":\"low\"}"))
                        + "]}";
        };
    }

    private static String dropField(String json, Random random) {
        String field = pick(
                new String[] {
                    "\"model\":\"[^\"]*\",?",
                    "\"hardware\":\"[^\"]*\",?",
                    "\"level\":\"[^\"]*\",?",
                    "\"results\":",
                    "\"batch_id\":\"[^\"]*\",?",
                    "\"evidence\":\\{[^}]*\\},?"
                },
                random);
        return json.replaceFirst(field, "");
    }

    private static String valid(Random random, int i) {
        StringBuilder json = new StringBuilder("{\"batch_id\":\"fuzz-" + i + "\",\"results\":[");
        int results = 1 + random.nextInt(4);
        for (int r = 0; r < results; r++) {
            if (r > 0) {
                json.append(',');
            }
            json.append("{\"model\":\"")
                    .append(pick(MODELS, random))
                    .append("\",\"hardware\":\"")
                    .append(pick(HARDWARE, random))
                    .append('"');
            if (random.nextBoolean()) {
                json.append(",\"level\":\"").append(pick(LEVELS, random)).append('"');
            } else {
                json.append(",\"tests_passed\":")
                        .append(random.nextInt(200) - 5)
                        .append(",\"tests_failed\":")
                        .append(random.nextInt(20) - 2);
            }
            if (random.nextBoolean()) {
                json.append(",\"evidence\":{\"run\":\"run-")
                        .append(random.nextInt(1000))
                        .append("\",\"batch_size\":")
                        .append(random.nextInt(70) - 3)
                        .append(",\"precision\":\"")
                        .append(pick(new String[] {"fp16", "fp32", "int8", "fp64"}, random))
                        .append("\",\"simulated\":")
                        .append(random.nextBoolean())
                        .append('}');
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
            default ->
                "{\"" + pick(new String[] {"batch_id", "results", "model", "hardware", "level"}, random) + "\":"
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
