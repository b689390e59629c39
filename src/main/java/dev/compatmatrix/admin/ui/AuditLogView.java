package dev.compatmatrix.admin.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.compatmatrix.admin.AuditService;
import dev.compatmatrix.admin.query.AuditEntry;
import dev.compatmatrix.admin.query.AuditFilter;
import dev.compatmatrix.base.VisibleText;
import dev.compatmatrix.base.ui.IsoDatePicker;
import dev.compatmatrix.matrix.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Every write — who, when, what, old → new — newest first, filterable by user, entity and dates. */
@Route("admin/audit")
@PageTitle("Audit log · Compatibility Matrix Console")
@Menu(order = 12, title = "Audit log", icon = "vaadin:records")
@RolesAllowed(Roles.ADMIN)
public class AuditLogView extends VerticalLayout {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private final AuditService audit;
    final ComboBox<String> actor = new ComboBox<>("User");
    final ComboBox<String> entity = new ComboBox<>("Entity");
    final DatePicker from = new IsoDatePicker("From");
    final DatePicker to = new IsoDatePicker("To");
    final Grid<AuditEntry> grid = new Grid<>();
    final Span count = new Span();
    private AuditFilter filter = AuditFilter.NONE;

    public AuditLogView(AuditService audit) {
        this.audit = audit;
        setSizeFull();
        var options = audit.filterOptions();
        actor.setItems(options.actors());
        entity.setItems(options.entities());
        actor.setClearButtonVisible(true);
        entity.setClearButtonVisible(true);
        from.setClearButtonVisible(true);
        to.setClearButtonVisible(true);
        actor.addValueChangeListener(e -> filterChanged());
        entity.addValueChangeListener(e -> filterChanged());
        from.addValueChangeListener(e -> filterChanged());
        to.addValueChangeListener(e -> filterChanged());
        FlexLayout filters = new FlexLayout(actor, entity, from, to);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.addClassName("filter-bar");
        configureGrid();
        count.setId("audit-count");
        add(new H2("Audit log"), filters, count, grid);
    }

    private void configureGrid() {
        grid.setId("audit-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setPageSize(50);
        grid.setEmptyStateText("No audit entries match these filters.");
        grid.addColumn(e -> WHEN.format(e.occurredAt()))
                .setHeader("When (UTC)")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(AuditEntry::actor).setHeader("User").setAutoWidth(true);
        grid.addColumn(AuditEntry::action).setHeader("Action").setAutoWidth(true);
        grid.addColumn(e -> VisibleText.of(e.entity() + " " + e.entityId()))
                .setHeader("Entity")
                .setAutoWidth(true);
        grid.addColumn(e -> VisibleText.of(e.summary())).setHeader("What").setFlexGrow(1);
        // Old → new values on demand, so the list stays readable.
        grid.setItemDetailsRenderer(new ComponentRenderer<>(e -> new Div(
                new Span("Before"), new Pre(e.oldValue() == null ? "—" : e.oldValue()),
                new Span("After"), new Pre(e.newValue() == null ? "—" : e.newValue()))));
        grid.setItems(
                query -> audit.page(filter, query.getOffset(), query.getLimit()).stream(),
                query -> showCount(audit.count(filter)));
    }

    private void filterChanged() {
        boolean reversed = from.getValue() != null
                && to.getValue() != null
                && from.getValue().isAfter(to.getValue());
        to.setInvalid(reversed);
        to.setErrorMessage(reversed ? "The end date is before the start date" : null);
        if (!reversed) {
            filter = new AuditFilter(actor.getValue(), entity.getValue(), from.getValue(), to.getValue());
            grid.getDataProvider().refreshAll();
        }
    }

    private int showCount(long total) {
        count.setText(total == 1 ? "1 entry" : total + " entries");
        return (int) Math.min(Integer.MAX_VALUE, total);
    }
}
