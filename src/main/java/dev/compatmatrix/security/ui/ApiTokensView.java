package dev.compatmatrix.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.compatmatrix.base.ui.CopyLine;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.matrix.store.ValidatorRepository.ValidatorRef;
import dev.compatmatrix.security.token.ApiScope;
import dev.compatmatrix.security.token.ApiToken;
import dev.compatmatrix.security.token.ApiTokenService;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;

/** Admins create API tokens for CI pipelines (the secret is shown once) and revoke them. */
@Route("admin/tokens")
@PageTitle("API tokens · Compatibility Matrix Console")
@Menu(order = 10, title = "API tokens", icon = "vaadin:key")
@RolesAllowed(Roles.ADMIN)
public class ApiTokensView extends VerticalLayout {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final ApiTokenService tokens;
    private final Clock clock;
    final TextField name = new TextField("Name");
    final Select<ValidatorRef> validator = new Select<>();
    final CheckboxGroup<ApiScope> scopes = new CheckboxGroup<>("Scopes");
    final IntegerField days = new IntegerField("Valid for (days)");
    final Button create = new Button("Create token");
    final Grid<ApiToken> grid = new Grid<>();
    /** The secret of the token created last, as shown in the dialog (for tests). */
    String shownSecret;

    public ApiTokensView(ApiTokenService tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
        add(
                new H2("API tokens"),
                new Paragraph(
                        "A token lets a CI pipeline post results (scope results:write), read the API (scope read), "
                                + "keep its own watches (watches:write) or report on cells (feedback:write) as one of "
                                + "the automated validators. Its secret is shown once; only a hash is stored."));
        configureForm();
        configureGrid();
        FlexLayout form = new FlexLayout(name, validator, scopes, days, create);
        form.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        form.setAlignItems(Alignment.BASELINE);
        form.addClassName("filter-bar");
        add(form, grid);
        refresh();
    }

    private void configureForm() {
        name.setId("token-name");
        name.setMaxLength(100);
        name.setPlaceholder("e.g. nightly CUDA pipeline");
        validator.setId("token-validator");
        validator.setLabel("Validator");
        validator.setItems(tokens.automatedValidators());
        validator.setItemLabelGenerator(v -> v.name() + " (level " + v.level() + ")");
        scopes.setId("token-scopes");
        scopes.setItems(ApiScope.values());
        scopes.setItemLabelGenerator(ApiScope::key);
        scopes.setValue(java.util.Set.of(ApiScope.RESULTS_WRITE));
        days.setId("token-days");
        days.setMin(1);
        days.setMax(ApiTokenService.MAX_DAYS);
        days.setValue(90);
        days.setStepButtonsVisible(true);
        create.setId("token-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> createToken());
    }

    private void configureGrid() {
        grid.setId("token-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText("No API tokens yet.");
        grid.addColumn(ApiToken::name).setHeader("Name").setAutoWidth(true);
        grid.addColumn(t -> t.prefix() + "…").setHeader("Token").setAutoWidth(true);
        grid.addColumn(ApiToken::validatorName).setHeader("Validator").setAutoWidth(true);
        grid.addColumn(t -> t.scopes().stream().map(ApiScope::key).collect(Collectors.joining(", ")))
                .setHeader("Scopes");
        grid.addColumn(t -> WHEN.format(t.createdAt()) + " by " + t.createdBy())
                .setHeader("Created (UTC)")
                .setAutoWidth(true);
        grid.addColumn(t -> WHEN.format(t.expiresAt())).setHeader("Expires").setAutoWidth(true);
        grid.addColumn(t -> t.lastUsedAt() == null ? "never" : WHEN.format(t.lastUsedAt()))
                .setHeader("Last used");
        grid.addColumn(this::state).setHeader("State");
        grid.addComponentColumn(t -> {
            Button revoke = new Button("Revoke", e -> revoke(t));
            revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
            revoke.setEnabled(t.revokedAt() == null);
            return revoke;
        });
    }

    private String state(ApiToken token) {
        if (token.revokedAt() != null) {
            return "revoked " + WHEN.format(token.revokedAt());
        }
        return token.usableAt(LocalDateTime.now(clock)) ? "active" : "expired";
    }

    private void createToken() {
        if (validator.getValue() == null || days.getValue() == null) {
            Notification.show("Choose a validator and a validity", 4000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
            return;
        }
        try {
            var created = tokens.create(
                    name.getValue(), validator.getValue().validatorId(), scopes.getValue(), days.getValue());
            shownSecret = created.secret();
            showSecretOnce(created.token(), created.secret());
            name.clear();
            refresh();
        } catch (IllegalArgumentException e) {
            Notification.show(e.getMessage(), 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private void showSecretOnce(ApiToken token, String secret) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Token '" + token.name() + "' created");
        TextArea value = new TextArea("Copy it now: it is not shown again");
        value.setId("token-secret");
        value.setValue(secret);
        value.setReadOnly(true);
        value.setWidth("36rem");
        CopyLine copyLine = new CopyLine("token", "Copy the secret to the clipboard", "the text", () -> secret);
        dialog.add(value, copyLine, new Paragraph("Use it as: Authorization: Bearer " + token.prefix() + "…"));
        Button close = new Button("I have copied it", e -> dialog.close());
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(close);
        dialog.open();
    }

    /** Revokes as the row's button does. */
    void revokeForTest(ApiToken token) {
        revoke(token);
    }

    private void revoke(ApiToken token) {
        tokens.revoke(token.tokenId());
        Notification.show("Revoked '" + token.name() + "'", 3000, Notification.Position.BOTTOM_START);
        refresh();
    }

    private void refresh() {
        grid.setItems(tokens.list());
    }
}
