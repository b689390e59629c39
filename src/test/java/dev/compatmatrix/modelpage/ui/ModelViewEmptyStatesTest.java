package dev.compatmatrix.modelpage.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import dev.compatmatrix.WritingKaribuTest;
import dev.compatmatrix.catalog.CatalogService;
import dev.compatmatrix.matrix.ModelData;
import dev.compatmatrix.matrix.ModelSize;
import dev.compatmatrix.matrix.ModelType;
import dev.compatmatrix.matrix.Roles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A model nobody has tested yet: every list of its page says why it is empty. */
class ModelViewEmptyStatesTest extends WritingKaribuTest {

    @Autowired
    CatalogService catalog;

    @Test
    void empty_lists_on_the_model_page_say_why_they_are_empty() {
        login("editor", Roles.EDITOR);
        if (catalog.find("acme/untested-yet").isEmpty()) {
            catalog.create(new ModelData("acme/untested-yet", "acme", ModelType.VISION, ModelSize.TINY, 3.0, null));
        }
        login("viewer", Roles.VIEWER);
        UI.getCurrent().navigate("models/acme/untested-yet");
        ModelView view = _get(ModelView.class);

        assertThat(GridKt._size(view.reviews)).isZero();
        assertThat(view.reviews.getEmptyStateText())
                .isEqualTo("No reviews yet: no claim of this model has been approved or rejected.");
        assertThat(GridKt._size(view.history)).isZero();
        assertThat(view.history.getEmptyStateText())
                .isEqualTo("No changes recorded: no claim of this model has been created, changed or removed.");
        assertThat(GridKt._size(view.recommendations)).isZero();
        assertThat(view.recommendations.getEmptyStateText()).startsWith("No hardware recommendations: ");
    }
}
