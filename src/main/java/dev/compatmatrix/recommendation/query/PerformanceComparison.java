package dev.compatmatrix.recommendation.query;

import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Precision;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One model's performance across platforms for a chosen task, batch size and precision.
 *
 * @param choices every (task, batch, precision) measured for the model, in the order the selects list them
 * @param chosen  the choice {@code rows} are for; null when the model has no measurements
 * @param rows    one per platform measured for {@code chosen}, in {@link Platform} order
 */
public record PerformanceComparison(
        List<PerformanceChoice> choices, PerformanceChoice chosen, List<PerformanceRow> rows) {

    public PerformanceComparison {
        choices = List.copyOf(choices);
        rows = List.copyOf(rows);
    }

    /** The first task at its largest batch size, in fp16 where that was measured. */
    public static Optional<PerformanceChoice> defaultChoice(List<PerformanceChoice> choices) {
        if (choices.isEmpty()) {
            return Optional.empty();
        }
        String task = choices.getFirst().taskType();
        int batch = choices.stream()
                .filter(c -> c.taskType().equals(task))
                .mapToInt(PerformanceChoice::batchSize)
                .max()
                .orElseThrow();
        List<PerformanceChoice> candidates = choices.stream()
                .filter(c -> c.taskType().equals(task) && c.batchSize() == batch)
                .toList();
        return Optional.of(candidates.stream()
                .filter(c -> c.precision() == Precision.FP16)
                .findFirst()
                .orElse(candidates.getFirst()));
    }

    public List<String> tasks() {
        return distinct(PerformanceChoice::taskType);
    }

    public List<Integer> batchSizes() {
        return distinct(PerformanceChoice::batchSize).stream().sorted().toList();
    }

    public List<Precision> precisions() {
        return distinct(PerformanceChoice::precision);
    }

    /** Platforms without a measurement for the chosen choice: not tested, unsupported or just not measured. */
    public List<Platform> unmeasured() {
        return Arrays.stream(Platform.values())
                .filter(p -> rows.stream().noneMatch(r -> r.platform() == p))
                .toList();
    }

    private <T> List<T> distinct(Function<PerformanceChoice, T> part) {
        return choices.stream().map(part).distinct().toList();
    }
}
