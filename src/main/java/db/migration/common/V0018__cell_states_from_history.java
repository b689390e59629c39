package db.migration.common;

import dev.compatmatrix.matrix.store.CellStatesFromHistory;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Fills {@code cell_states} (V0017) for a database made before it, from its history, reviews and claims. A thin
 * adapter: Flyway finds Java migrations by package (this one beside the shared SQL ones, for both databases and for
 * {@code DatabaseCopy}); the rebuilding is the kernel's {@link CellStatesFromHistory}.
 */
public class V0018__cell_states_from_history extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        CellStatesFromHistory.fillIfEmpty(context.getConnection());
    }
}
