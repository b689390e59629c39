package dev.compatmatrix.demo;

import dev.compatmatrix.matrix.Precision;
import java.util.List;

/** How many performance measurements a generated model gets. */
public enum PerformanceDetail {

    /** Every task of the model's type, each batch size, fp16 and fp32: the demo data set. */
    FULL,
    /**
     * The first task, the smallest and the largest batch size, fp16 only: about ten rows a model, so the
     * 100,000-model synthetic data set has about a million rows rather than ten million.
     */
    SUMMARY;

    List<String> tasks(List<String> all) {
        return this == FULL ? all : all.subList(0, 1);
    }

    List<Integer> batches(List<Integer> all) {
        return this == FULL ? all : List.of(all.getFirst(), all.getLast());
    }

    List<String> precisions() {
        return this == FULL ? List.of(Precision.FP16.key(), Precision.FP32.key()) : List.of(Precision.FP16.key());
    }
}
