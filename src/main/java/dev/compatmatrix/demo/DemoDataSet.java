package dev.compatmatrix.demo;

import static dev.compatmatrix.matrix.CompatibilityLevel.HIGH;
import static dev.compatmatrix.matrix.CompatibilityLevel.LOW;
import static dev.compatmatrix.matrix.CompatibilityLevel.MEDIUM;
import static dev.compatmatrix.matrix.CompatibilityLevel.UNSUPPORTED;

import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.ModelSize;
import dev.compatmatrix.matrix.ModelType;
import dev.compatmatrix.matrix.Platform;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The demo data set: the 43 real models of {@code db/demo-models.csv} with levels that follow the typical
 * pattern of PRODUCT.md §7 (CPU and CUDA high almost everywhere, Qualcomm high under 1B parameters and low
 * or unsupported at 7B, WebNN high for embeddings and unsupported for 7B language models, WebGPU medium for
 * small models and low for LLaVA), about one cell in eight not tested. Like real data, every validated or partially
 * validated claim has the approval behind it and every history row its author. Deterministic: the same every run.
 */
public final class DemoDataSet {

    /** Models whose eight platforms are all tested, so the seed's example queries and tests have full rows. */
    private static final Set<String> FULLY_TESTED =
            Set.of("bert-base-uncased", "llama-7b", "openai/whisper-tiny", "t5-small", "google/flan-t5-base", "gpt2");

    private final ClaimFactory factory;

    public DemoDataSet(ClaimFactory factory) {
        this.factory = factory;
    }

    public List<GeneratedModel> models() {
        List<GeneratedModel> models = new ArrayList<>();
        for (CSVRecord row : readCsv()) {
            String name = row.get("model_name");
            ModelType type = ModelType.fromKey(row.get("model_type")).orElseThrow();
            ModelSize size = ModelSize.fromKey(row.get("model_size")).orElseThrow();
            double params = Double.parseDouble(row.get("parameters_millions"));
            Random random = new Random(name.hashCode());
            Map<Platform, CompatibilityLevel> levels = new EnumMap<>(Platform.class);
            for (Platform platform : Platform.values()) {
                boolean tested = FULLY_TESTED.contains(name)
                        || platform == Platform.CPU
                        || platform == Platform.CUDA
                        || random.nextInt(100) >= 18;
                if (tested) {
                    levels.put(platform, typicalLevel(platform, type, params, name, random));
                }
            }
            models.add(factory.withApprovals(
                    factory.model(name, row.get("model_family"), type, size, params, levels, random, 1, 4)));
        }
        return models;
    }

    /** PRODUCT.md §7's typical level of a model on a platform, with a little deterministic spread. */
    static CompatibilityLevel typicalLevel(
            Platform platform, ModelType type, double params, String name, Random random) {
        boolean sevenB = params >= 6000;
        boolean languageModel = type == ModelType.TEXT_GENERATION || type == ModelType.VISION_LANGUAGE;
        return switch (platform) {
            case CPU -> sevenB ? MEDIUM : HIGH;
            case CUDA -> HIGH;
            case ROCM, MPS -> sevenB || random.nextInt(3) == 0 ? MEDIUM : HIGH;
            case OPENVINO ->
                type == ModelType.TEXT_EMBEDDING || type == ModelType.VISION
                        ? HIGH
                        : random.nextBoolean() ? MEDIUM : HIGH;
            case QUALCOMM -> params < 1000 ? HIGH : sevenB ? (random.nextBoolean() ? LOW : UNSUPPORTED) : LOW;
            case WEBNN ->
                type == ModelType.TEXT_EMBEDDING
                        ? HIGH
                        : sevenB && languageModel ? UNSUPPORTED : params < 1000 ? MEDIUM : LOW;
            case WEBGPU -> name.contains("llava") ? LOW : params < 1000 ? MEDIUM : sevenB ? UNSUPPORTED : LOW;
        };
    }

    private static List<CSVRecord> readCsv() {
        try (Reader reader = new InputStreamReader(
                DemoDataSet.class.getResourceAsStream("/db/demo-models.csv"), StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(reader)
                    .getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the demo models", e);
        }
    }
}
