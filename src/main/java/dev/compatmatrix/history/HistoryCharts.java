package dev.compatmatrix.history;

import dev.compatmatrix.history.query.MonthlyChanges;
import java.util.List;

/**
 * The history screen's chart data for a filter.
 *
 * @param levelPeriods the filtered model's levels over time; empty when no single model is chosen
 */
public record HistoryCharts(List<MonthlyChanges> monthly, List<LevelTimeline.Period> levelPeriods) {}
