package dev.compatmatrix.prediction.query;

/** The prediction reads' SQL texts, for the benchmark's raw-JDBC side (the same statements the application runs). */
public final class PredictionReadsSql {

    private PredictionReadsSql() {}

    /** The shown predictions of the models in {@code :ids}. */
    public static final String SHOWN_FOR_MODELS = ShownPredictionsQuery.FOR_MODELS;

    /** A page of "What to test next" ({@code :platform, :family, :type, :limit, :offset}). */
    public static final String TEST_NEXT_PAGE = TestNextQuery.PAGE;

    /** Every ranked cell, as the CSV streams them. */
    public static final String TEST_NEXT_ALL = TestNextQuery.RANKED;

    /** How many untested cells the filter keeps. */
    public static final String TEST_NEXT_COUNT = TestNextQuery.COUNT;
}
