package dev.compatmatrix.admin.importing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compatmatrix.HeldSnapshot;
import dev.compatmatrix.TableFingerprint;
import dev.compatmatrix.WritingIntegrationTest;
import dev.compatmatrix.matrix.Roles;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 1,000 seeded malformed or mutated import files (issue 9) — CSV and JSON with bad encodings, missing and unknown
 * columns, wrong types, broken quotes, BOMs, huge lines, empty and binary content — through the dry run and then
 * "Apply import" as an admin. Each answer is a preview or a clear refusal ({@link ImportFileException},
 * {@link ImportRefusedException}), never another exception; a refused file changes no table; an applied file wrote
 * what its dry run promised, all of it: its dry run afterwards finds nothing left to create or change.
 *
 * <p>Seed: {@code -Dfuzz.seed=…} (printed); count: {@code -Dfuzz.importFiles=…}. Rows name only models this test
 * creates ({@code fuzz-imp-…}), so the demo data other tests read stay as they are.
 */
class ImportFuzzTest extends WritingIntegrationTest {

    private static final int FILES = Integer.getInteger("fuzz.importFiles", 1000);
    private static final long SEED = Long.getLong("fuzz.seed", 20261128L);
    private static final String HEADER = String.join(",", ImportRow.COLUMNS);
    private static final String[] TYPES = {"vision", "audio", "text_generation", "robot", "", "VISION"};
    private static final String[] SIZES = {"tiny", "small", "base", "xl", "huge", ""};
    private static final String[] HARDWARE = {"cpu", "cuda", "webgpu", "tpu", "", "CUDA"};
    private static final String[] LEVELS = {"high", "medium", "low", "unsupported", "excellent", ""};
    private static final String[] NUMBERS = {"86", "0.5", "-1", "abc", "NaN", "1e400", "", "9".repeat(40)};

    @Autowired
    ImportService imports;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    private record Outcome(String kind, boolean changedTables) {}

    @Test
    void malformed_and_mutated_import_files_are_refused_clearly_and_change_nothing() {
        signIn("admin", Roles.ADMIN);
        // Imports update models and claims (and so the matrix rows); everything else they write is appended.
        TableFingerprint tables = TableFingerprint.of(
                jdbc, java.util.Set.of("compatibility_details", "cross_platform_compatibility", "models"));
        Random random = new Random(SEED);
        TreeMap<String, Integer> outcomes = new TreeMap<>();
        int csv = 0;
        int rowErrors = 0;
        // Dry runs and refused files must leave the database as the last applied file left it. Their fingerprint is
        // taken once per run of them, as the database was just before the next file was applied (a snapshot pinned
        // before each "Apply import") or at the end.
        List<String> unchangedSince = new ArrayList<>();
        String before = tables.take();
        try (HeldSnapshot beforeApply = HeldSnapshot.of(dataSource)) {
            for (int i = 0; i < FILES; i++) {
                boolean json = random.nextInt(3) == 0;
                csv += json ? 0 : 1;
                String name = random.nextInt(40) == 0
                        ? pick(random, "file.txt", "noextension", "x.CSV", "x.Json")
                        : json ? "fuzz-" + i + ".json" : "fuzz-" + i + ".csv";
                byte[] content = json ? jsonFile(random) : csvFile(random);
                String what = "file " + i + " (" + name + ", seed " + SEED + "): " + abbreviate(content);

                ImportPreview preview = null;
                try {
                    preview = imports.preview(name, content);
                } catch (ImportFileException refused) {
                    assertThat(refused.getMessage()).as(what).isNotBlank();
                } catch (RuntimeException e) {
                    throw new AssertionError("The dry run failed unexpectedly on " + what, e);
                }
                unchangedSince.add("the dry run of " + what);
                beforeApply.pin();
                String kind;
                try {
                    ImportResult result = imports.apply(name, content, ImportProgress.NONE);
                    assertThat(tables.takeAt(beforeApply))
                            .as("changed the database: %s", unchangedSince)
                            .isEqualTo(before);
                    assertThat(preview)
                            .as("applied although the dry run refused the file: %s", what)
                            .isNotNull();
                    assertThat(preview.applicable()).as(what).isTrue();
                    assertThat(result.modelsCreated()).as(what).isEqualTo(preview.modelsToCreate());
                    assertThat(result.claimsCreated()).as(what).isEqualTo(preview.claimsToCreate());
                    assertThat(result.claimsChanged()).as(what).isEqualTo(preview.claimsToChange());
                    ImportPreview again = imports.preview(name, content);
                    assertThat(again.modelsToCreate() + again.claimsToCreate() + again.claimsToChange())
                            .as("applied only in part: %s", what)
                            .isZero();
                    kind = "applied";
                } catch (ImportFileException refused) {
                    assertThat(preview)
                            .as("the dry run read a file that applying cannot: %s", what)
                            .isNull();
                    kind = "refused: unreadable file";
                } catch (ImportRefusedException refused) {
                    assertThat(refused.preview().errors()).as(what).isNotEmpty().allSatisfy(error -> {
                        assertThat(error.message()).isNotBlank();
                        assertThat(error.line()).isPositive();
                    });
                    rowErrors += refused.preview().errors().size();
                    kind = "refused: bad rows";
                } catch (RuntimeException e) {
                    throw new AssertionError("Applying failed unexpectedly on " + what, e);
                }
                if (kind.equals("applied")) {
                    unchangedSince.clear();
                    before = tables.take();
                } else {
                    unchangedSince.add("refused " + what);
                }
                outcomes.merge(kind, 1, Integer::sum);
            }
        }
        assertThat(tables.take()).as("changed the database: %s", unchangedSince).isEqualTo(before);
        System.out.printf(
                Locale.ROOT,
                "Import fuzz (seed %d): %d files (%d CSV, %d JSON): %s; %d bad rows listed; "
                        + "no unexpected exception, refused files changed nothing%n",
                SEED,
                FILES,
                csv,
                FILES - csv,
                outcomes,
                rowErrors);
        assertThat(outcomes).containsKeys("applied", "refused: unreadable file", "refused: bad rows");
    }

    /** A plausible CSV file, then mangled in one of many ways. */
    private static byte[] csvFile(Random random) {
        List<String> columns = new ArrayList<>(ImportRow.COLUMNS);
        if (random.nextInt(6) == 0) {
            columns.remove(random.nextInt(columns.size()));
        }
        StringBuilder csv = new StringBuilder(String.join(",", columns)).append('\n');
        int rows = random.nextInt(8);
        for (int r = 0; r < rows; r++) {
            List<String> values = new ArrayList<>();
            for (String column : columns) {
                values.add(csvValue(value(column, random), random));
            }
            csv.append(String.join(",", values)).append(random.nextInt(10) == 0 ? "\r\n" : "\n");
        }
        String text = csv.toString();
        return switch (random.nextInt(14)) {
            case 0, 1, 2, 3 -> text.getBytes(StandardCharsets.UTF_8);
            case 4 -> bytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, text.getBytes(StandardCharsets.UTF_8));
            case 5 -> text.replace("fuzz-imp", "fuzz-imp-é").getBytes(StandardCharsets.ISO_8859_1);
            case 6 -> text.getBytes(StandardCharsets.UTF_16);
            case 7 -> mutate(text.getBytes(StandardCharsets.UTF_8), random);
            case 8 -> text.substring(0, random.nextInt(text.length() + 1)).getBytes(StandardCharsets.UTF_8);
            case 9 ->
                (text + "fuzz-imp-1,\"unterminated," + "x".repeat(random.nextInt(3)) + "\n")
                        .getBytes(StandardCharsets.UTF_8);
            case 10 ->
                (HEADER + ",surprise\n" + "fuzz-imp-2,f,vision,base,1,cpu,high,,,,,,x\n")
                        .getBytes(StandardCharsets.UTF_8);
            case 11 ->
                (HEADER + "\nfuzz-imp-3,fam,vision,base,10,cpu,high,\""
                                + "long ".repeat(50_000 + random.nextInt(50_000)) + "\",,,,\n")
                        .getBytes(StandardCharsets.UTF_8);
            case 12 -> random.nextBoolean() ? new byte[0] : "\n\n\n".getBytes(StandardCharsets.UTF_8);
            default -> randomBytes(random);
        };
    }

    /** A plausible JSON file, then mangled in one of many ways. */
    private static byte[] jsonFile(Random random) {
        StringBuilder json = new StringBuilder("[");
        int rows = random.nextInt(6);
        for (int r = 0; r < rows; r++) {
            json.append(r == 0 ? "" : ",").append('{');
            boolean first = true;
            for (String column : ImportRow.COLUMNS) {
                if (random.nextInt(3) == 0) {
                    continue;
                }
                json.append(first ? "" : ",")
                        .append('"')
                        .append(column)
                        .append("\":")
                        .append(jsonValue(value(column, random), random));
                first = false;
            }
            json.append('}');
        }
        String text = json.append(']').toString();
        return switch (random.nextInt(12)) {
            case 0, 1, 2, 3 -> text.getBytes(StandardCharsets.UTF_8);
            case 4 -> mutate(text.getBytes(StandardCharsets.UTF_8), random);
            case 5 -> text.substring(0, random.nextInt(text.length() + 1)).getBytes(StandardCharsets.UTF_8);
            case 6 ->
                pick(
                                random,
                                "{}",
                                "null",
                                "42",
                                "\"text\"",
                                "[1, 2]",
                                "[[]]",
                                "[null]",
                                "",
                                "[{\"unknown\": 1}]",
                                "[{\"model\": {\"nested\": true}}]",
                                "[{\"model\": [1, 2]}]",
                                "[{\"model\": \"fuzz-imp-1\", \"model\": \"x\"}]",
                                "[{\"model\": \"fuzz-imp-1\"}] trailing")
                        .getBytes(StandardCharsets.UTF_8);
            case 7 ->
                ("[".repeat(2000 + random.nextInt(3000)) + "]".repeat(random.nextInt(5)))
                        .getBytes(StandardCharsets.UTF_8);
            case 8 -> bytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, text.getBytes(StandardCharsets.UTF_8));
            case 9 -> text.getBytes(StandardCharsets.UTF_16LE);
            case 10 ->
                ("[{\"model\": \"fuzz-imp-4\", \"family\": \"f\", \"type\": \"vision\", \"size\": \"base\", \"notes\": \""
                                + "\\ud800".repeat(1 + random.nextInt(3)) + "x".repeat(random.nextInt(200_000))
                                + "\"}]")
                        .getBytes(StandardCharsets.UTF_8);
            default -> randomBytes(random);
        };
    }

    private static String value(String column, Random random) {
        if (random.nextInt(12) == 0) {
            return pick(
                    random,
                    "",
                    " ",
                    "null",
                    "\u202eevil\u202c",
                    "😀",
                    "\u0000",
                    "=cmd|' /C calc'!A0",
                    "a\"b",
                    "a,b",
                    "x\ny");
        }
        return switch (column) {
            case "model" -> "fuzz-imp-" + random.nextInt(20);
            case "family" -> "fuzzfam";
            case "type" -> pick(random, TYPES);
            case "size" -> pick(random, SIZES);
            case "parameters_millions" -> pick(random, NUMBERS);
            case "hardware" -> pick(random, HARDWARE);
            case "level" -> pick(random, LEVELS);
            case "framework_version" -> "torch 2." + random.nextInt(9);
            case "reason" -> random.nextBoolean() ? "fuzz" : "";
            default -> random.nextBoolean() ? "" : "some " + column;
        };
    }

    private static String csvValue(String value, Random random) {
        boolean quote = value.contains(",") || value.contains("\"") || value.contains("\n") || random.nextInt(8) == 0;
        return quote ? "\"" + value.replace("\"", random.nextInt(10) == 0 ? "\"" : "\"\"") + "\"" : value;
    }

    private static String jsonValue(String value, Random random) {
        return switch (random.nextInt(12)) {
            case 0 -> "null";
            case 1 -> String.valueOf(random.nextInt(1000) - 500);
            case 2 -> "true";
            case 3 -> "{\"a\": 1}";
            default ->
                "\""
                        + value.replace("\\", "\\\\")
                                .replace("\"", "\\\"")
                                .replace("\n", "\\n")
                                .replace("\u0000", "\\u0000")
                        + "\"";
        };
    }

    private static byte[] mutate(byte[] content, Random random) {
        byte[] mutated = content.clone();
        for (int e = 0; e < 1 + random.nextInt(5) && mutated.length > 0; e++) {
            mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
        }
        return mutated;
    }

    private static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(4096)];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] bytes(byte[] first, byte[] second) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(first);
        out.writeBytes(second);
        return out.toByteArray();
    }

    private static String pick(Random random, String... values) {
        return values[random.nextInt(values.length)];
    }

    private static String abbreviate(byte[] content) {
        String text = new String(content, 0, Math.min(content.length, 300), StandardCharsets.UTF_8);
        return text + (content.length > 300 ? "… (" + content.length + " bytes)" : "");
    }
}
