package dev.compatmatrix.compatibility;

import dev.compatmatrix.catalog.repository.ModelRepository;
import dev.compatmatrix.compatibility.query.MatrixFilter;
import dev.compatmatrix.compatibility.query.MatrixQuery;
import dev.compatmatrix.compatibility.query.MatrixRow;
import dev.compatmatrix.compatibility.query.MatrixSort;
import dev.compatmatrix.matrix.Roles;
import java.util.Collection;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading the matrix. Every signed-in role may read (VIEWER is in every role). */
@Service
@PreAuthorize(Roles.HAS_VIEWER)
@Transactional(readOnly = true)
public class CompatibilityService {

    /** A grid page may not ask for more rows than this. */
    static final int MAX_PAGE_SIZE = 500;

    private final MatrixQuery matrix;
    private final ModelRepository models;

    public CompatibilityService(MatrixQuery matrix, ModelRepository models) {
        this.matrix = matrix;
        this.models = models;
    }

    public List<MatrixRow> matrixPage(MatrixFilter filter, MatrixSort sort, int offset, int limit) {
        return matrix.page(filter, sort, Math.max(0, offset), Math.clamp(limit, 1, MAX_PAGE_SIZE));
    }

    /** These models' rows as the matrix shows them (a live change reads the rows it touched again). */
    public List<MatrixRow> matrixRows(Collection<Integer> modelIds) {
        return matrix.rows(List.copyOf(modelIds));
    }

    public long matrixCount(MatrixFilter filter) {
        return matrix.count(filter);
    }

    public List<String> families() {
        return models.families();
    }
}
