package dev.compatmatrix.compatibility.export;

import dev.compatmatrix.base.VisibleText;
import dev.compatmatrix.compatibility.query.MatrixParameters;
import dev.compatmatrix.compatibility.query.MatrixRow;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.prediction.CellPrediction;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * One JSON object: the filter echoed with the matrix URL's parameter names, the sort, {@code generated_at}
 * (UTC), {@code count}, and the {@code rows}, each with a nested object per platform. Written with a
 * streaming generator, row by row. With predictions included ({@code "include_predictions": true}), each row has a
 * separate {@code predictions} object, per untested platform with a shown prediction, each marked
 * {@code "kind": "prediction"}: the claims' {@code platforms} stay exactly as without them.
 */
final class JsonMatrixWriter implements MatrixWriter {

    private final JsonGenerator json;
    private boolean predictions;

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
        predictions = header.predictions();
        if (predictions) {
            json.writeBooleanProperty("include_predictions", true);
        }
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
        if (predictions) {
            writePredictions(row);
        }
        json.writeNumberProperty("score", row.score());
        json.writeStringProperty(
                "recommended_platform",
                row.recommended() == null ? null : row.recommended().key());
        json.writeStringProperty(
                "last_updated", row.lastUpdated() == null ? null : ExportValues.isoUtc(row.lastUpdated()));
        json.writeEndObject();
    }

    /** {"rocm": {"kind": "prediction", "level": "high", "probability": 0.82, …}}: never mistaken for a claim. */
    private void writePredictions(MatrixRow row) {
        json.writeName("predictions");
        json.writeStartObject();
        for (Platform platform : Platform.values()) {
            CellPrediction prediction = row.prediction(platform);
            if (prediction == null) {
                continue;
            }
            json.writeName(platform.key());
            json.writeStartObject();
            json.writeStringProperty("kind", "prediction");
            json.writeStringProperty("level", prediction.level().key());
            json.writeNumberProperty("probability", prediction.confidence());
            json.writeName("probabilities");
            json.writeStartObject();
            for (CompatibilityLevel level : CompatibilityLevel.values()) {
                json.writeNumberProperty(level.key(), prediction.odds().of(level));
            }
            json.writeEndObject();
            json.writeNumberProperty("run_id", prediction.runId());
            json.writeArrayPropertyStart("reasons");
            prediction.reasons().forEach(reason -> json.writeString(VisibleText.of(reason)));
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    @Override
    public void end() {
        json.writeEndArray();
        json.writeEndObject();
        json.flush();
    }
}
