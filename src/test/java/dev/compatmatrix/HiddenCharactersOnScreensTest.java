package dev.compatmatrix;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.router.QueryParameters;
import dev.compatmatrix.base.audit.AuditLog;
import dev.compatmatrix.catalog.CatalogService;
import dev.compatmatrix.compatibility.ClaimService;
import dev.compatmatrix.matrix.ChangeNote;
import dev.compatmatrix.matrix.ClaimData;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.ModelData;
import dev.compatmatrix.matrix.ModelSize;
import dev.compatmatrix.matrix.ModelType;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Roles;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Free text holding bidi overrides or control characters ("abc\u202Egnp.exe" would read "abcexe.png") shows with
 * those characters named on every screen that shows it: model page, history, audit log, validation queue.
 */
class HiddenCharactersOnScreensTest extends WritingKaribuTest {

    static final String SPOOF = "abc\u202Egnp.exe bell\u0007";
    static final String SHOWN = "abc<U+202E>gnp.exe bell<U+0007>";

    @Autowired
    CatalogService catalog;

    @Autowired
    ClaimService claims;

    @Autowired
    AuditLog auditLog;

    @Autowired
    JdbcClient jdbc;

    private final String model = "acme/hidden-text-" + System.nanoTime();

    @Test
    void free_text_with_hidden_characters_is_shown_with_them_named() {
        login("editor", Roles.EDITOR);
        catalog.create(new ModelData(model, "acme", ModelType.VISION, ModelSize.TINY, 5.0, null));
        claims.create(
                model,
                Platform.CPU,
                new ClaimData(CompatibilityLevel.LOW, SPOOF, SPOOF, SPOOF, null, "1.0", null, null, null, false),
                new ChangeNote("reason " + SPOOF, "1.0"));
        auditLog.record(
                "auditor",
                "claim.update",
                "compatibility_details",
                1,
                "summary " + SPOOF,
                null,
                Map.of(),
                LocalDateTime.of(2026, 3, 1, 10, 0));

        UI.getCurrent().navigate("models/" + model);
        assertThat(rows("claims-grid")).anySatisfy(row -> assertThat(row).contains(SHOWN, SHOWN, SHOWN));

        UI.getCurrent().navigate("history", QueryParameters.simple(Map.of("model", model)));
        assertThat(rows("history-grid")).anySatisfy(row -> assertThat(row).contains("reason " + SHOWN));

        login("admin", Roles.ADMIN);
        UI.getCurrent().navigate("admin/audit");
        assertThat(rows("audit-grid")).anySatisfy(row -> assertThat(row).contains("summary " + SHOWN));

        // A name stored before names were checked: the queue shows it named too.
        for (String table : List.of("models", "cross_platform_compatibility")) { // the matrix row keeps it too
            jdbc.sql("UPDATE " + table + " SET model_name = :spoof WHERE model_name = :name")
                    .param("spoof", model + SPOOF)
                    .param("name", model)
                    .update();
        }
        login("validator3", Roles.VALIDATOR);
        UI.getCurrent().navigate("queue");
        assertThat(claimCells("queue-grid")).anySatisfy(cell -> assertThat(cell).contains(model + SHOWN));
    }

    /** The text of every row's "claim" cell, a component cell. */
    private static List<String> claimCells(String gridId) {
        @SuppressWarnings("unchecked")
        Grid<Object> grid = _get(Grid.class, spec -> spec.withId(gridId));
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < GridKt._size(grid); i++) {
            cells.add(GridKt._getCellComponent(grid, i, "claim").getElement().getTextRecursively());
        }
        return cells;
    }

    /** Every row of the grid as it is shown, cell by cell. */
    private static List<List<String>> rows(String gridId) {
        @SuppressWarnings("unchecked")
        Grid<Object> grid = _get(Grid.class, spec -> spec.withId(gridId));
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < GridKt._size(grid); i++) {
            rows.add(GridKt._getFormattedRow(grid, i));
        }
        return rows;
    }
}
