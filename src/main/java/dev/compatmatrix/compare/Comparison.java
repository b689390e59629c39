package dev.compatmatrix.compare;

import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.ValidationStatus;
import dev.compatmatrix.recommendation.query.PerformanceChoice;
import java.util.List;
import java.util.Locale;

/**
 * Models side by side: one row per platform (in the kernel's order), one cell per model (in the order asked).
 *
 * @param models  the models compared, by their stored names
 * @param common  the task, batch size and precision every measured model has: all figures are for it; null when they
 *                share none, and each figure is for its own model's default choice (which its cell names)
 * @param unknown names asked for that no model has
 */
public record Comparison(List<String> models, List<PlatformRow> rows, PerformanceChoice common, List<String> unknown) {

    public Comparison {
        models = List.copyOf(models);
        rows = List.copyOf(rows);
        unknown = List.copyOf(unknown);
    }

    /** The rows where the models differ, for "Show only differences". */
    public List<PlatformRow> differingRows() {
        return rows.stream().filter(PlatformRow::differs).toList();
    }

    /** What the rows' cells say of the figures' basis, in words. */
    public String performanceBasis() {
        return common == null
                ? "The models share no task, batch size and precision: each figure names its own."
                : "Figures for " + choiceText(common) + " (measured for every model that has figures).";
    }

    /** "embedding · batch 32 · fp16". */
    public static String choiceText(PerformanceChoice choice) {
        return choice.taskType() + " · batch " + choice.batchSize() + " · "
                + choice.precision().key();
    }

    /**
     * One platform across the models. It differs when the models' claims there differ in level (or one is not
     * tested), validation status, or the stale or disputed mark: what a person compares first. Texts and figures are
     * shown, not compared (they nearly always differ).
     */
    public record PlatformRow(Platform platform, List<Cell> cells) {

        public PlatformRow {
            cells = List.copyOf(cells);
        }

        public boolean differs() {
            return cells.stream().map(Cell::verdict).distinct().count() > 1;
        }
    }

    /**
     * One model's claim on one platform, as its model page shows it: level (null: not tested), validation status,
     * marks, limitations and performance notes, and its measured figures (null: none for the basis).
     */
    public record Cell(
            String model,
            CompatibilityLevel level,
            ValidationStatus status,
            boolean stale,
            boolean disputed,
            String limitations,
            String notes,
            Measurement measurement) {

        /** What decides whether a row differs. */
        record Verdict(CompatibilityLevel level, ValidationStatus status, boolean stale, boolean disputed) {}

        Verdict verdict() {
            return level == null ? new Verdict(null, null, false, false) : new Verdict(level, status, stale, disputed);
        }

        /** "High ✓ ◷": the level word with the validation mark and the stale/disputed marks, as a badge reads. */
        public String levelText() {
            return dev.compatmatrix.matrix.LevelWords.word(level)
                    + (level == null
                            ? ""
                            : " " + status.mark() + dev.compatmatrix.matrix.ValidationMarks.symbols(stale, disputed));
        }

        /** "Validated", "validation stale", "disputed …": the status with its marks in words; "" when not tested. */
        public String statusText() {
            if (level == null) {
                return "";
            }
            var parts = new java.util.ArrayList<String>();
            parts.add(status.label());
            if (stale) {
                parts.add(dev.compatmatrix.matrix.ValidationMarks.STALE_WORDS);
            }
            if (disputed) {
                parts.add(dev.compatmatrix.matrix.ValidationMarks.DISPUTED_WORDS);
            }
            return String.join("; ", parts);
        }
    }

    /** The figures measured for one choice on one platform (the newest run, as the model page shows them). */
    public record Measurement(
            PerformanceChoice choice, Double throughputItemsPerS, Double latencyP50Ms, Double latencyP95Ms) {

        /** "240.5 items/s · p50 4.2 ms". */
        public String text() {
            var parts = new java.util.ArrayList<String>();
            if (throughputItemsPerS != null) {
                parts.add(number(throughputItemsPerS) + " items/s");
            }
            if (latencyP50Ms != null) {
                parts.add("p50 " + number(latencyP50Ms) + " ms");
            }
            return String.join(" · ", parts);
        }

        public static String number(Double value) {
            return value == null ? "" : String.format(Locale.ROOT, "%.1f", value);
        }
    }
}
