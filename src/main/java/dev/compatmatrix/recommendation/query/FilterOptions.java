package dev.compatmatrix.recommendation.query;

import java.util.List;

/** The values the recommendations screen's filters offer: the task types and batch sizes that occur. */
public record FilterOptions(List<String> taskTypes, List<Integer> batchSizes) {

    public FilterOptions {
        taskTypes = List.copyOf(taskTypes);
        batchSizes = List.copyOf(batchSizes);
    }
}
