package dev.compatmatrix.matrix;

import dev.compatmatrix.base.Keyed;
import java.util.Optional;

/** Numeric precisions a claim's evidence may name. */
public enum Precision implements Keyed {
    FP32("fp32"),
    TF32("tf32"),
    FP16("fp16"),
    BF16("bf16"),
    FP8("fp8"),
    INT8("int8"),
    INT4("int4");

    private final String key;

    Precision(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }

    public static Optional<Precision> fromKey(String key) {
        return Keyed.fromKey(Precision.class, key);
    }
}
