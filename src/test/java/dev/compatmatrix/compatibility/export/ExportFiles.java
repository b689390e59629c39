package dev.compatmatrix.compatibility.export;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads exported files back the way their users' tools would. */
final class ExportFiles {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ExportFiles() {}

    static List<CSVRecord> csv(String text) {
        try {
            return CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(new StringReader(text))
                    .getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    /** The table rows below the header and its separator, each split into unescaped cells. */
    static List<List<String>> markdownRows(String text) {
        List<String> tableLines =
                text.lines().filter(line -> line.startsWith("|")).toList();
        return tableLines.stream().skip(2).map(ExportFiles::markdownCells).toList();
    }

    static List<String> markdownCells(String line) {
        String inner = line.substring(1, line.length() - 1);
        return Arrays.stream(inner.split("(?<!\\\\)\\|", -1)).map(String::strip).toList();
    }

    /** A cell's text without Markdown's backslash escapes, as a reader sees it. */
    static String unescapeMarkdown(String cell) {
        return cell.replaceAll("\\\\(\\p{Punct})", "$1");
    }

    static List<Element> htmlRows(String text) {
        return Jsoup.parse(text).select("tbody > tr");
    }

    static List<String> models(ExportFormat format, String text) {
        return switch (format) {
            case CSV -> csv(text).stream().map(r -> r.get("model")).toList();
            case JSON ->
                json(text)
                        .get("rows")
                        .valueStream()
                        .map(r -> r.get("model").asString())
                        .toList();
            case MARKDOWN ->
                markdownRows(text).stream()
                        .map(r -> unescapeMarkdown(r.getFirst()))
                        .toList();
            case HTML -> htmlRows(text).stream().map(r -> r.child(0).text()).toList();
        };
    }
}
