package dev.compatmatrix.compatibility.export;

import dev.compatmatrix.base.VisibleText;
import dev.compatmatrix.compatibility.query.MatrixParameters;
import dev.compatmatrix.compatibility.query.MatrixRow;
import dev.compatmatrix.matrix.Platform;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * One JSON object: the filter echoed with the matrix URL's parameter names, the sort, {@code generated_at}
 * (UTC), {@code count}, and the {@code rows}, each with a nested object per platform. Written with a
 * streaming generator, row by row.
 */
final class JsonMatrixWriter implements MatrixWriter {

    private final JsonGenerator json;

    JsonMatrixWriter(JsonMapper mapper, OutputStream out) {
        this.json = mapper.createGenerator(out);
    }

    @Override
    public void begin(ExportHeader header) {
        json.writeStartObject();
        json.writeName("filter");
        json.writeStartObject();
        for (Map.Entry<String, List<String>> param :
                MatrixParameters.of(header.filter(), header.sort()).entrySet()) {
            if (param.getKey().equals("platform")) {
                json.writeArrayPropertyStart("platform");
                param.getValue().forEach(value -> json.writeString(VisibleText.of(value)));
                json.writeEndArray();
            } else if (!param.getKey().equals("sort")) {
                json.writeStringProperty(
                        param.getKey(), VisibleText.of(param.getValue().getFirst()));
            }
        }
        json.writeEndObject();
        json.writeStringProperty("sort", MatrixParameters.sortValue(header.sort()));
        if (header.asOf() != null) {
            json.writeStringProperty("as_of", VisibleText.of(header.asOf().text()));
        }
        json.writeStringProperty("generated_at", header.generatedAt().toString());
        json.writeNumberProperty("count", header.count());
        json.writeArrayPropertyStart("rows");
    }

    @Override
    public void row(MatrixRow row) {
        json.writeStartObject();
        json.writeStringProperty("model", VisibleText.of(row.name()));
        json.writeStringProperty("family", VisibleText.of(row.family()));
        json.writeStringProperty("type", row.type());
        json.writeStringProperty("size", row.size());
        json.writeName("parameters_millions");
        if (row.parametersMillions() == null) {
            json.writeNull();
        } else {
            json.writeNumber(row.parametersMillions());
        }
        json.writeName("platforms");
        json.writeStartObject();
        for (Platform platform : Platform.values()) {
            MatrixRow.Cell cell = row.cell(platform);
            json.writeName(platform.key());
            json.writeStartObject();
            json.writeStringProperty("level", ExportValues.levelKey(cell));
            json.writeStringProperty(
                    "validation", cell == null ? null : cell.status().key());
            json.writeBooleanProperty("stale", cell != null && cell.stale());
            json.writeBooleanProperty("disputed", cell != null && cell.disputed());
            json.writeEndObject();
        }
        json.writeEndObject();
        json.writeNumberProperty("score", row.score());
        json.writeStringProperty(
                "recommended_platform",
                row.recommended() == null ? null : row.recommended().key());
        json.writeStringProperty(
                "last_updated", row.lastUpdated() == null ? null : ExportValues.isoUtc(row.lastUpdated()));
        json.writeEndObject();
    }

    @Override
    public void end() {
        json.writeEndArray();
        json.writeEndObject();
        json.flush();
    }
}
