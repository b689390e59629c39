package dev.compatmatrix.recommendation.query;

/**
 * What the recommendations screen shows; every part is optional (null = any).
 *
 * @param taskType  the task, exactly as stored (e.g. {@code text_generation})
 * @param batchSize the batch size
 * @param modelText part of the model name, ignoring case
 */
public record RecommendationFilter(String taskType, Integer batchSize, String modelText) {

    public static final RecommendationFilter NONE = new RecommendationFilter(null, null, null);

    public RecommendationFilter {
        taskType = taskType == null || taskType.isBlank() ? null : taskType.strip();
        modelText = modelText == null || modelText.isBlank() ? null : modelText.strip();
    }
}
