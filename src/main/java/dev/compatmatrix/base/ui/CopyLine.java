package dev.compatmatrix.base.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.util.function.Supplier;

/**
 * A "Copy" button that puts a text shown once (a token, a private address) on the clipboard, and beside it a status
 * that says whether it worked, for screen readers too. Ids: {@code <id>-copy} and {@code <id>-copied}.
 */
public class CopyLine extends HorizontalLayout {

    /** {@code what} names the text in the fallback advice, e.g. "the address". */
    public CopyLine(String id, String ariaLabel, String what, Supplier<String> text) {
        this(id, "Copy", ariaLabel, what, "$0", text);
    }

    /**
     * "Copy link": copies the absolute address of a path of this application, resolved in the browser against the
     * address it really uses (behind a proxy too).
     */
    public static CopyLine link(String id, String ariaLabel, Supplier<String> path) {
        return new CopyLine(id, "Copy link", ariaLabel, "the address", "new URL($0, document.baseURI).href", path);
    }

    private CopyLine(String id, String label, String ariaLabel, String what, String textScript, Supplier<String> text) {
        Span copied = new Span();
        copied.setId(id + "-copied");
        copied.getElement().setAttribute("role", "status");
        Button copy = new Button(label, VaadinIcon.COPY.create());
        copy.setId(id + "-copy");
        copy.setAriaLabel(ariaLabel);
        copy.addClickListener(e -> copy.getElement()
                .executeJs(
                        "return navigator.clipboard.writeText(" + textScript + ").then(() => true, () => false)",
                        text.get())
                .then(
                        Boolean.class,
                        done -> copied.setText(
                                Boolean.TRUE.equals(done)
                                        ? "Copied"
                                        : "Could not reach the clipboard: select " + what + " and copy it")));
        add(copy, copied);
        setAlignItems(Alignment.CENTER);
    }
}
