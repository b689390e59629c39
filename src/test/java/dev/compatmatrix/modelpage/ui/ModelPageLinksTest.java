package dev.compatmatrix.modelpage.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import dev.compatmatrix.KaribuTest;
import dev.compatmatrix.base.ui.NotFoundView;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.matrix.ui.ModelPages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A model page's tab and a cell's details each have an address of their own, model names with a slash too. */
class ModelPageLinksTest extends KaribuTest {

    @BeforeEach
    void signIn() {
        login("viewer", Roles.VIEWER);
    }

    @Test
    void each_tab_address_opens_the_model_page_at_that_tab() {
        for (String model : new String[] {"bert-base-uncased", "prajjwal1/bert-tiny"}) {
            for (ModelPages.Tab tab : ModelPages.Tab.values()) {
                UI.getCurrent().navigate(ModelPages.path(model, tab));
                ModelView page = _get(ModelView.class);
                assertThat(within(page, com.vaadin.flow.component.html.H2.class, "model-name")
                                .getText())
                        .isEqualTo(model);
                assertThat(page.tabs.getSelectedIndex()).as(model + " " + tab).isEqualTo(tab.ordinal());
                assertThat(page.currentPath()).isEqualTo(ModelPages.path(model, tab));
                _assertNone(CellDetails.class);
            }
            UI.getCurrent().navigate("models/" + model + "/platforms");
            assertThat(_get(ModelView.class).tabs.getSelectedIndex()).isZero();
        }
    }

    @Test
    void a_cell_address_opens_the_claim_with_its_evidence_reviews_and_history() {
        UI.getCurrent().navigate("models/bert-base-uncased/cuda");
        ModelView page = _get(ModelView.class);
        CellDetails cell = _get(CellDetails.class);
        assertThat(within(cell, H3.class, "cell-details-title").getText()).isEqualTo("CUDA · bert-base-uncased");
        assertThat(within(cell, UnorderedList.class, "cell-facts").getElement().getTextRecursively())
                .contains("Evidence: ", "NVIDIA A100 80GB", "batch 32", "fp16", "Validation: ", "Level: ");
        assertThat(within(cell, UnorderedList.class, "cell-history")
                        .getElement()
                        .getTextRecursively())
                .contains("→");
        assertThat(within(cell, Paragraph.class, "cell-automated").getText()).isNotBlank();
        assertThat(page.currentPath()).isEqualTo("models/bert-base-uncased/cuda");
        assertThat(page.tabs.getSelectedIndex()).isZero();

        // Choosing a tab closes the cell; the page's address follows the tab.
        page.tabs.setSelectedIndex(ModelPages.Tab.HISTORY.ordinal());
        _assertNone(CellDetails.class);
        assertThat(page.currentPath()).isEqualTo("models/bert-base-uncased/history");
    }

    @Test
    void a_cell_of_a_model_named_with_a_slash_on_an_untested_platform_says_not_tested() {
        String model = "microsoft/swin-tiny-patch4-window7-224";
        UI.getCurrent().navigate(ModelPages.path(model));
        Platform untested = _get(ModelView.class)
                .claims
                .getGenericDataView()
                .getItems()
                .filter(c -> c.claim() == null)
                .findFirst()
                .orElseThrow()
                .platform();
        UI.getCurrent().navigate(ModelPages.cellPath(model, untested));
        CellDetails cell = _get(CellDetails.class);
        assertThat(within(cell, Paragraph.class, "cell-not-tested").getText())
                .isEqualTo("Not tested: no claim is recorded for " + model + " on " + untested.label() + ".");
    }

    @Test
    void an_unknown_platform_or_model_in_the_address_shows_not_found() {
        UI.getCurrent().navigate("models/bert-base-uncased/quantum");
        _assertNone(ModelView.class);
        _get(NotFoundView.class);
        assertThat(_get(Paragraph.class, spec -> spec.withId("not-found-message"))
                        .getText())
                .contains("nor a tab or platform 'quantum' of a model named 'bert-base-uncased'");

        UI.getCurrent().navigate("models/no-such-model/cuda");
        _assertNone(ModelView.class);
        _get(NotFoundView.class);
        UI.getCurrent().navigate("models/no-such-model/performance");
        _get(NotFoundView.class);
    }

    @Test
    void an_editor_gets_the_claim_form_from_a_cells_details() {
        login("editor", Roles.EDITOR);
        UI.getCurrent().navigate("models/bert-base-uncased/rocm");
        assertThat(_get(com.vaadin.flow.component.button.Button.class, spec -> spec.withId("cell-edit"))
                        .getText())
                .isEqualTo("Edit claim");
    }

    private static <T extends com.vaadin.flow.component.Component> T within(
            com.vaadin.flow.component.Component in, Class<T> type, String id) {
        return com.github.mvysny.kaributesting.v10.LocatorJ._get(in, type, spec -> spec.withId(id));
    }
}
