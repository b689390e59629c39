package dev.compatmatrix.matrix.query;

import java.time.LocalDateTime;

/**
 * An open objection to a claim's validation: a rejection by a validator below the level of the approval that set the
 * claim's status, waiting for a validator of that level ({@link OpenObjection}).
 *
 * @param reviewer the console user who objected
 * @param level the objector's verification level
 * @param needsLevel the level of the approval it could not undo, which a validator needs to answer it
 */
public record Objection(
        String reviewer, String validatorName, int level, int needsLevel, String comment, LocalDateTime at) {

    /** "Objection by validator1 (level 1) — needs level 3". */
    public String label() {
        return "Objection by " + reviewer + " (level " + level + ") — needs level " + needsLevel;
    }
}
