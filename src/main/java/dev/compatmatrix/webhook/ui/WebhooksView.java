package dev.compatmatrix.webhook.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.security.CurrentUser;
import dev.compatmatrix.webhook.Webhook;
import dev.compatmatrix.webhook.WebhookAttempt;
import dev.compatmatrix.webhook.WebhookScope;
import dev.compatmatrix.webhook.WebhookService;
import jakarta.annotation.security.PermitAll;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;

/**
 * A user's webhooks (an admin's: everyone's, with their owner): add one (the secret is shown once), send a test
 * event, delete, and the delivery log of the selected webhook. Every text is set as text, never as HTML.
 */
@Route("webhooks")
@PageTitle("Webhooks · Compatibility Matrix Console")
@Menu(order = 6.5, title = "Webhooks", icon = "vaadin:connect")
@PermitAll
public class WebhooksView extends VerticalLayout {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    /** After a test event the log is read again every second for this many seconds (a first retry comes after 10 s). */
    private static final int POLLS_AFTER_TEST = 25;

    private static final int POLL_MS = 1000;

    private final WebhookService webhooks;
    final TextField url = new TextField("Endpoint URL");
    final Select<WebhookScope> scope = new Select<>();
    final Button add = new Button("Add webhook");
    final Grid<Webhook> grid = new Grid<>();
    final H3 logTitle = new H3("Delivery log");
    final Grid<WebhookAttempt> log = new Grid<>();
    final Button refreshLog = new Button("Refresh log");
    /** The secret of the webhook added last, as shown in the dialog (for tests). */
    String shownSecret;

    private int pollsLeft;

    public WebhooksView(WebhookService webhooks, CurrentUser user) {
        this.webhooks = webhooks;
        boolean admin = user.roles().contains(Roles.ADMIN);
        add(
                new H2("Webhooks"),
                new Paragraph("A webhook POSTs each change it receives as JSON to your HTTPS endpoint, with a "
                        + "Slack-compatible \"text\" field, signed in the header X-Compat-Signature: sha256=<HMAC-SHA256 "
                        + "of the body with the webhook's secret>. X-Compat-Event-Id stays the same when a delivery is "
                        + "retried (after 10 s, 30 s, 2 min, 10 min and 1 h): skip an id you have seen."));
        configureForm(admin);
        configureGrid(admin);
        configureLog();
        FlexLayout form = new FlexLayout(url, scope, add);
        form.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        form.setAlignItems(Alignment.BASELINE);
        form.addClassName("filter-bar");
        HorizontalLayout logHeader = new HorizontalLayout(logTitle, refreshLog);
        logHeader.setAlignItems(Alignment.BASELINE);
        add(form, grid, logHeader, log);
        addAttachListener(attach -> {
            Registration polling = attach.getUI().addPollListener(poll -> polled(attach.getUI()));
            addDetachListener(detach -> {
                polling.remove();
                detach.getUI().setPollInterval(-1);
                detach.unregisterListener();
            });
        });
        refresh();
    }

    private void configureForm(boolean admin) {
        url.setId("webhook-url");
        url.setPlaceholder("https://hooks.example.com/compat");
        url.setWidth("28rem");
        url.setMaxLength(2000);
        scope.setId("webhook-scope");
        scope.setLabel("Receives");
        scope.setItems(Arrays.stream(WebhookScope.values())
                .filter(s -> admin || !s.adminsOnly())
                .toList());
        scope.setItemLabelGenerator(WebhookScope::label);
        scope.setValue(WebhookScope.WATCHES);
        add.setId("webhook-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClickListener(e -> register());
    }

    private void configureGrid(boolean admin) {
        grid.setId("webhook-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText("No webhooks yet.");
        grid.addColumn(Webhook::url).setHeader("Endpoint").setFlexGrow(3).setTooltipGenerator(Webhook::url);
        grid.addColumn(w -> w.scope().label()).setHeader("Receives").setAutoWidth(true);
        if (admin) {
            grid.addColumn(Webhook::owner).setHeader("Owner").setAutoWidth(true);
        }
        grid.addColumn(Webhook::secretHint).setHeader("Secret").setAutoWidth(true);
        grid.addColumn(w -> WHEN.format(w.createdAt()))
                .setHeader("Created (UTC)")
                .setAutoWidth(true);
        grid.addColumn(w -> w.lastOutcome() == null ? "no attempt yet" : w.lastOutcome())
                .setHeader("Last attempt")
                .setAutoWidth(true);
        grid.addComponentColumn(w -> {
                    Button test = new Button("Send test event", e -> sendTest(w));
                    test.addThemeVariants(ButtonVariant.LUMO_SMALL);
                    Button delete = new Button("Delete", e -> confirmDelete(w));
                    delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
                    return new HorizontalLayout(test, delete);
                })
                .setAutoWidth(true);
        grid.asSingleSelect().addValueChangeListener(e -> showLog());
    }

    private void configureLog() {
        log.setId("webhook-log");
        log.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        log.setAllRowsVisible(true);
        log.setEmptyStateText("Select a webhook to see its deliveries.");
        log.addColumn(a -> WHEN.format(a.attemptedAt())).setHeader("Time (UTC)").setAutoWidth(true);
        log.addColumn(WebhookAttempt::eventId).setHeader("Event id").setAutoWidth(true);
        log.addColumn(WebhookAttempt::attempt).setHeader("Attempt").setAutoWidth(true);
        log.addColumn(a -> a.statusCode() == null ? "—" : String.valueOf(a.statusCode()))
                .setHeader("Status")
                .setAutoWidth(true);
        log.addColumn(WebhookAttempt::outcome).setHeader("Outcome").setAutoWidth(true);
        log.addColumn(a -> a.durationMs() + " ms").setHeader("Took").setAutoWidth(true);
        log.addColumn(a -> a.error() == null ? "" : a.error())
                .setHeader("Error")
                .setFlexGrow(2);
        refreshLog.setId("webhook-log-refresh");
        refreshLog.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        refreshLog.addClickListener(e -> refresh());
    }

    private void register() {
        try {
            var registered = webhooks.register(url.getValue(), scope.getValue());
            shownSecret = registered.secret();
            showSecretOnce(registered.webhook(), registered.secret());
            url.clear();
            refresh();
            grid.select(registered.webhook());
        } catch (IllegalArgumentException e) {
            url.setInvalid(true);
            url.setErrorMessage(e.getMessage());
        }
    }

    private void showSecretOnce(Webhook webhook, String secret) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Webhook added");
        TextArea value = new TextArea("Signing secret: copy it now, it is not shown again");
        value.setId("webhook-secret");
        value.setValue(secret);
        value.setReadOnly(true);
        value.setWidth("36rem");
        dialog.add(
                new Paragraph("Deliveries to " + webhook.url() + " are signed with this secret."),
                value,
                new Paragraph(
                        "Check each request: X-Compat-Signature must equal \"sha256=\" + the hex HMAC-SHA256 of the "
                                + "raw body with this secret as key."));
        Button close = new Button("I have copied it", e -> dialog.close());
        close.setId("webhook-secret-close");
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(close);
        dialog.open();
    }

    /** Sends a test event as the row's button does. */
    void sendTest(Webhook webhook) {
        try {
            webhooks.sendTest(webhook.id());
            grid.select(webhook);
            Notification.show(
                    "Test event queued: it appears in the log in a moment", 3000, Notification.Position.BOTTOM_START);
            logAgainSoon();
        } catch (IllegalArgumentException e) {
            error(e.getMessage());
            refresh();
        }
    }

    /** Reads the log again every second for a while, so the test event's attempts (and a first retry) show. */
    private void logAgainSoon() {
        pollsLeft = POLLS_AFTER_TEST;
        UI.getCurrent().setPollInterval(POLL_MS);
    }

    private void polled(UI ui) {
        if (pollsLeft <= 0) {
            return;
        }
        if (--pollsLeft == 0) {
            ui.setPollInterval(-1);
        }
        refresh();
    }

    private void confirmDelete(Webhook webhook) {
        Dialog confirm = new Dialog();
        confirm.setHeaderTitle("Delete this webhook?");
        confirm.add(new Paragraph(webhook.url() + " receives nothing more, and its delivery log is deleted with it."));
        Button delete = new Button("Delete", e -> {
            confirm.close();
            delete(webhook);
        });
        delete.setId("webhook-delete-confirm");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        confirm.getFooter().add(new Button("Cancel", e -> confirm.close()), delete);
        confirm.open();
    }

    /** Deletes as the confirmation's button does. */
    void delete(Webhook webhook) {
        try {
            webhooks.delete(webhook.id());
            Notification.show("Deleted the webhook to " + webhook.url(), 3000, Notification.Position.BOTTOM_START);
        } catch (IllegalArgumentException e) {
            error(e.getMessage());
        }
        refresh();
    }

    private void refresh() {
        Webhook selected = grid.asSingleSelect().getValue();
        var all = webhooks.list();
        grid.setItems(all);
        all.stream()
                .filter(w -> selected != null && w.id() == selected.id())
                .findFirst()
                .or(() -> all.stream().findFirst())
                .ifPresentOrElse(grid::select, grid::deselectAll);
        showLog();
    }

    private void showLog() {
        Webhook selected = grid.asSingleSelect().getValue();
        if (selected == null) {
            logTitle.setText("Delivery log");
            log.setItems();
            return;
        }
        logTitle.setText("Delivery log of " + selected.url());
        try {
            log.setItems(webhooks.log(selected.id()));
        } catch (IllegalArgumentException e) {
            log.setItems();
        }
    }

    private static void error(String message) {
        Notification.show(message, 5000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
