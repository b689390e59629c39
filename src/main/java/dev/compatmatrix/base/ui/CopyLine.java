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
        Span copied = new Span();
        copied.setId(id + "-copied");
        copied.getElement().setAttribute("role", "status");
        Button copy = new Button("Copy", VaadinIcon.COPY.create());
        copy.setId(id + "-copy");
        copy.setAriaLabel(ariaLabel);
        copy.addClickListener(e -> copy.getElement()
                .executeJs("return navigator.clipboard.writeText($0).then(() => true, () => false)", text.get())
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
