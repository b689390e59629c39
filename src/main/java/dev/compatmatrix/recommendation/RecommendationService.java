package dev.compatmatrix.recommendation;

import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.recommendation.query.FilterOptions;
import dev.compatmatrix.recommendation.query.PlatformTally;
import dev.compatmatrix.recommendation.query.RecommendationFilter;
import dev.compatmatrix.recommendation.query.RecommendationRow;
import dev.compatmatrix.recommendation.query.RecommendationSearch;
import dev.compatmatrix.recommendation.query.RecommendationSort;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading the hardware recommendations per task and batch size. Every signed-in role may read. */
@Service
@PreAuthorize(Roles.HAS_VIEWER)
@Transactional(readOnly = true)
public class RecommendationService {

    /** A grid page may not ask for more rows than this. */
    static final int MAX_PAGE_SIZE = 500;

    private final RecommendationSearch search;

    public RecommendationService(RecommendationSearch search) {
        this.search = search;
    }

    /** The task types and batch sizes the filters offer. */
    public FilterOptions filterOptions() {
        return search.filterOptions();
    }

    public List<RecommendationRow> page(RecommendationFilter filter, RecommendationSort sort, int offset, int limit) {
        return search.page(filter, sort, Math.max(0, offset), Math.clamp(limit, 1, MAX_PAGE_SIZE));
    }

    public long count(RecommendationFilter filter) {
        return search.count(filter);
    }

    /** Per platform, in platform order: how often the selection recommends it and names it as fallback. */
    public List<PlatformTally> platformTally(RecommendationFilter filter) {
        return search.platformTally(filter);
    }
}
