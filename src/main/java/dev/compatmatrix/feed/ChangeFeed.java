package dev.compatmatrix.feed;

import dev.compatmatrix.matrix.MatrixEvent;
import dev.compatmatrix.matrix.Platform;
import java.util.List;

/**
 * One feed's content before it becomes Atom: its stable id (a URN), title, the model or platform it follows (both
 * null: a watch list) and its events, newest first.
 */
public record ChangeFeed(String id, String title, String modelName, Platform platform, List<MatrixEvent> events) {}
