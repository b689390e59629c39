package dev.compatmatrix.history.query;

import dev.compatmatrix.matrix.Platform;
import java.time.YearMonth;

/** How many level changes a platform had in a month. */
public record MonthlyChanges(YearMonth month, Platform platform, long changes) {}
