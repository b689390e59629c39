package dev.compatmatrix.feed.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Code;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import dev.compatmatrix.base.ui.CopyLine;
import dev.compatmatrix.feed.FeedSecret;
import dev.compatmatrix.feed.FeedSecretService;
import dev.compatmatrix.feed.FeedService;
import dev.compatmatrix.matrix.Platform;
import jakarta.annotation.security.PermitAll;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;

/**
 * The user's Atom feeds: their private feed address (for feed readers, which cannot sign in) made, copied and
 * replaced here, and the addresses that work in a signed-in browser. The private address is shown once, when made:
 * only its hash is stored, so neither the database, a backup nor a glance at this screen later gives it away.
 */
@Route("feeds")
@PageTitle("Feeds · Compatibility Matrix Console")
@Menu(order = 6, title = "Feeds", icon = "vaadin:rss")
@PermitAll
public class FeedsView extends VerticalLayout {

    static final String EXAMPLE_MODEL = "prajjwal1/bert-tiny";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final FeedSecretService secrets;
    /** The console's address before every path shown: the configured public address, else this page's origin. */
    private String root;

    final Paragraph state = new Paragraph();
    final Button replace = new Button();
    final TextField privateAddress = new TextField("Your private feed address (what you watch)");
    final VerticalLayout shownOnce = new VerticalLayout();
    /** The secret made last on this screen, as shown (for tests). */
    String shownSecret;

    public FeedsView(FeedSecretService secrets, @Value("${compat.public-url:}") String publicUrl) {
        this.secrets = secrets;
        this.root = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        setMaxWidth("60rem");
        state.setId("feed-secret-state");
        replace.setId("feed-replace");
        replace.addClickListener(e -> confirmReplace());
        shownOnce.setId("feed-shown-once");
        shownOnce.setPadding(false);
        shownOnce.setVisible(false);
        add(
                new H2("Feeds"),
                new Paragraph(
                        "Atom feeds of the matrix's changes, for feed readers and chat integrations: one entry per "
                                + "change (level changes, claims, validations, disputes, automated results, models), the newest "
                                + FeedService.ENTRIES + ", newest first."),
                new H3("Your private feed address"),
                new Paragraph("A feed reader cannot sign in, so it reads your feeds through a private address that "
                        + "holds a secret. Anyone who has the address reads what you watch, so keep it to yourself. It "
                        + "is shown once, when it is made; if you lose it or it may have leaked, make a new one: the old "
                        + "address stops working at once."),
                state,
                replace,
                shownOnce,
                new H3("Feeds in this browser"),
                new Paragraph("While you are signed in, these addresses open the same feeds without a secret (a feed "
                        + "reader gets \"sign in\" from them; give it your private address instead):"),
                patterns(""));
        showState();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        if (root.isEmpty()) {
            String context = Optional.ofNullable(VaadinRequest.getCurrent())
                    .map(VaadinRequest::getContextPath)
                    .orElse("");
            attachEvent.getUI().getPage().fetchCurrentURL(url -> {
                root = url.getProtocol() + "://" + url.getAuthority() + context;
                if (shownSecret != null) {
                    showOnce(shownSecret);
                }
            });
        }
    }

    private void showState() {
        Optional<FeedSecret> current = secrets.current();
        state.setText(current.map(FeedsView::describe).orElse("You have no private feed address yet."));
        replace.setText(current.isPresent() ? "Replace the address…" : "Make a private address");
        replace.setIcon(VaadinIcon.REFRESH.create());
        replace.removeThemeVariants(ButtonVariant.LUMO_PRIMARY);
        if (current.isEmpty() || !current.get().works()) {
            replace.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        }
    }

    private static String describe(FeedSecret secret) {
        String made = "Your address (…/feeds/private/" + secret.shortForm() + "…) was made on "
                + WHEN.format(secret.createdAt()) + " UTC";
        return secret.works()
                ? made + ". It is shown only when made; make a new one if you no longer have it."
                : made + " and no longer works: your account was changed since (disabled, roles or password). Make a "
                        + "new one.";
    }

    private void confirmReplace() {
        if (secrets.current().isEmpty()) {
            makeAddress();
            return;
        }
        ConfirmDialog confirm = new ConfirmDialog(
                "Replace your private feed address?",
                "The current address stops working at once: feed readers and integrations that use it must be "
                        + "given the new one.",
                "Replace",
                e -> makeAddress());
        confirm.setCancelable(true);
        confirm.setId("feed-replace-confirm");
        confirm.open();
    }

    private void makeAddress() {
        shownSecret = secrets.replace();
        showState();
        showOnce(shownSecret);
    }

    /** The new address and its siblings for one model or platform, with a copy button; gone on the next visit. */
    private void showOnce(String secret) {
        String address = root + "/feeds/private/" + secret;
        privateAddress.setId("feed-private-address");
        privateAddress.setValue(address + "/watching.atom");
        privateAddress.setReadOnly(true);
        privateAddress.setWidthFull();
        privateAddress.setHelperText("Copy it now: it is not shown again.");
        CopyLine copyLine = new CopyLine(
                "feed", "Copy the private feed address to the clipboard", "the address", privateAddress::getValue);
        shownOnce.removeAll();
        shownOnce.add(
                privateAddress,
                copyLine,
                new Paragraph("The same secret reads one model's or one platform's changes:"),
                patterns(address));
        shownOnce.setVisible(true);
    }

    /** The feed addresses under a prefix: "" for the signed-in ones, a private address for the secret's. */
    private UnorderedList patterns(String prefix) {
        String base = prefix.isEmpty() ? "/feeds" : prefix;
        UnorderedList list = new UnorderedList();
        list.setId(prefix.isEmpty() ? "feed-patterns" : "feed-private-patterns");
        if (prefix.isEmpty()) {
            list.add(item(base + "/watching.atom", "what you watch"));
        }
        list.add(
                item(
                        base + "/models/<model name>.atom",
                        "one model, e.g. " + base + "/models/" + EXAMPLE_MODEL + ".atom (names with / work)"),
                item(
                        base + "/platforms/<platform>.atom",
                        "one platform: "
                                + Arrays.stream(Platform.values())
                                        .map(Platform::key)
                                        .collect(Collectors.joining(", "))));
        return list;
    }

    private static ListItem item(String address, String what) {
        return new ListItem(new Code(address), new Span(" — " + what));
    }
}
