package dev.compatmatrix.matrix;

import dev.compatmatrix.base.Keyed;
import java.util.Optional;

/** The eight hardware platforms of the seed, in the order the matrix shows them. */
public enum Platform implements Keyed {
    CPU("cpu", "CPU"),
    CUDA("cuda", "CUDA"),
    ROCM("rocm", "ROCm"),
    MPS("mps", "Apple MPS"),
    OPENVINO("openvino", "OpenVINO"),
    QUALCOMM("qualcomm", "Qualcomm"),
    WEBNN("webnn", "WebNN"),
    WEBGPU("webgpu", "WebGPU");

    private final String key;
    private final String label;

    Platform(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** The value stored in {@code hardware_type} and the prefix of the seed's {@code *_support} column. */
    @Override
    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public String supportColumn() {
        return key + "_support";
    }

    /** The matrix row's column holding this platform's {@link CompatibilityLevel#sortRank()} (NULL: not tested). */
    public String levelRankColumn() {
        return key + "_level_rank";
    }

    public static Optional<Platform> fromKey(String key) {
        return Keyed.fromKey(Platform.class, key);
    }
}
