package dev.compatmatrix.demo;

import dev.compatmatrix.demo.ClaimFactory.ValidatorRef;
import dev.compatmatrix.matrix.Actor;
import dev.compatmatrix.matrix.store.ValidatorRepository;
import java.time.LocalDateTime;
import java.util.List;

/** The validators of the demo and synthetic data sets: people at levels 1–3, a CI pipeline, a test harness. */
final class DemoValidators {

    /** {@code reviewer}: the demo user linked to a person, or the API principal of a pipeline's token. */
    private record Validator(String name, String type, String email, String organization, int level, String reviewer) {}

    /** In this order: the demo users validator1, validator2 and validator3 link to the first three. */
    private static final List<Validator> ALL = List.of(
            new Validator("Priya Raman", "human", "priya.raman@example.org", "Edge ML Lab", 1, "validator1"),
            new Validator("Jonas Weber", "human", "jonas.weber@example.org", "Inference Platform", 2, "validator2"),
            new Validator("Mei Chen", "human", "mei.chen@example.org", "Model Quality", 3, "validator3"),
            new Validator(
                    "nightly-ci",
                    "ci_pipeline",
                    "ci@example.org",
                    "Build Infrastructure",
                    2,
                    Actor.pipeline("nightly-ci")),
            new Validator(
                    "hw-test-harness",
                    "automated_test",
                    "harness@example.org",
                    "Device Farm",
                    1,
                    Actor.pipeline("hw-test-harness")));

    private DemoValidators() {}

    static List<ValidatorRef> insert(ValidatorRepository validators, LocalDateTime createdAt) {
        return ALL.stream()
                .map(v -> new ValidatorRef(
                        validators.insert(v.name(), v.type(), v.email(), v.organization(), v.level(), createdAt),
                        v.level(),
                        v.reviewer(),
                        !v.type().equals("human")))
                .toList();
    }
}
