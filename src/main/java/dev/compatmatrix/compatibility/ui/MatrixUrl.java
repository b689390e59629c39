package dev.compatmatrix.compatibility.ui;

import com.vaadin.flow.router.QueryParameters;
import dev.compatmatrix.compatibility.query.MatrixFilter;
import dev.compatmatrix.compatibility.query.MatrixParameters;
import dev.compatmatrix.compatibility.query.MatrixSort;

/**
 * The matrix's filters and sort as URL query parameters ({@link MatrixParameters}), so a view can be reloaded
 * and shared. A value that cannot be read is dropped with a warning instead of failing the page.
 */
public final class MatrixUrl {

    private MatrixUrl() {}

    public static MatrixParameters.Parsed parse(QueryParameters query) {
        return MatrixParameters.parse(query.getParameters());
    }

    public static QueryParameters toQuery(MatrixFilter filter, MatrixSort sort) {
        return new QueryParameters(MatrixParameters.of(filter, sort));
    }
}
