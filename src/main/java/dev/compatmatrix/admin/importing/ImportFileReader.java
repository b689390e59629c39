package dev.compatmatrix.admin.importing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads an import file — CSV with a header row, or a JSON array of objects — into rows; nothing else. */
final class ImportFileReader {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private ImportFileReader() {}

    static List<ImportRow> read(String fileName, InputStream in) {
        String name = fileName == null ? "" : fileName.toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".json")) {
            return json(in);
        }
        if (name.endsWith(".csv")) {
            return csv(in);
        }
        throw new ImportFileException("Upload a .csv or .json file");
    }

    private static List<ImportRow> csv(InputStream in) {
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setTrim(true)
                .setIgnoreEmptyLines(true)
                .get();
        try (CSVParser parser = CSVParser.parse(withoutByteOrderMark(in), format)) {
            List<String> header = parser.getHeaderNames();
            List<String> unknown =
                    header.stream().filter(h -> !ImportRow.COLUMNS.contains(h)).toList();
            if (!header.contains("model") || !unknown.isEmpty()) {
                throw new ImportFileException("The header must name the column 'model' and only these columns: "
                        + ImportRow.COLUMNS + (unknown.isEmpty() ? "" : "; unknown: " + unknown));
            }
            List<ImportRow> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                rows.add(row(
                        (int) record.getRecordNumber() + 1,
                        column -> record.isMapped(column) && record.isSet(column) ? record.get(column) : null));
            }
            return rows;
        } catch (IOException | UncheckedIOException e) {
            throw new ImportFileException("The CSV file cannot be read: " + e.getMessage());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ImportFileException("The CSV file is malformed: " + e.getMessage());
        }
    }

    /** Excel saves "CSV UTF-8" with a byte-order mark first: it is not part of the first column's name. */
    private static Reader withoutByteOrderMark(InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        reader.mark(1);
        if (reader.read() != BYTE_ORDER_MARK) {
            reader.reset();
        }
        return reader;
    }

    private static List<ImportRow> json(InputStream in) {
        try {
            JsonNode root = JSON.readTree(in);
            if (root == null || !root.isArray()) {
                throw new ImportFileException("A JSON import file is an array of objects");
            }
            List<ImportRow> rows = new ArrayList<>();
            int position = 0;
            for (JsonNode item : root) {
                position++;
                if (!item.isObject()) {
                    throw new ImportFileException("Item " + position + " is not an object");
                }
                for (String key : item.propertyNames()) {
                    if (!ImportRow.COLUMNS.contains(key)) {
                        throw new ImportFileException("Item " + position + " has the unknown key '" + key + "'");
                    }
                }
                rows.add(row(
                        position, key -> item.hasNonNull(key) ? item.get(key).asString() : null));
            }
            return rows;
        } catch (JacksonException e) {
            throw new ImportFileException("The JSON file is malformed: " + e.getOriginalMessage());
        }
    }

    private static ImportRow row(int line, java.util.function.Function<String, String> value) {
        Map<String, String> v = new java.util.HashMap<>();
        for (String column : ImportRow.COLUMNS) {
            String text = value.apply(column);
            v.put(column, text == null || text.isBlank() ? null : text.strip());
        }
        return new ImportRow(
                line,
                v.get("model"),
                v.get("family"),
                v.get("type"),
                v.get("size"),
                v.get("parameters_millions"),
                v.get("hardware"),
                v.get("level"),
                v.get("limitations"),
                v.get("workarounds"),
                v.get("notes"),
                v.get("framework_version"),
                v.get("reason"));
    }
}
