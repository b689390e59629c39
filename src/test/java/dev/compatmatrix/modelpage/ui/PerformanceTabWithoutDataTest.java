package dev.compatmatrix.modelpage.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.tabs.TabSheet;
import dev.compatmatrix.WritingKaribuTest;
import dev.compatmatrix.catalog.CatalogService;
import dev.compatmatrix.matrix.ModelData;
import dev.compatmatrix.matrix.ModelSize;
import dev.compatmatrix.matrix.ModelType;
import dev.compatmatrix.matrix.Roles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class PerformanceTabWithoutDataTest extends WritingKaribuTest {

    @Autowired
    CatalogService catalog;

    @Test
    void a_model_without_measurements_says_so_instead_of_drawing_empty_charts() {
        login("editor", Roles.EDITOR);
        catalog.create(new ModelData("acme/unmeasured", "acme", ModelType.VISION, ModelSize.SMALL, 20.0, null));
        UI.getCurrent().navigate("models/acme/unmeasured");
        TabSheet tabs = _get(TabSheet.class);
        tabs.setSelectedTab(tabs.getTabAt(2));
        assertThat(tabs.getSelectedTab().getLabel()).isEqualTo("Performance");
        PerformanceTab tab = _get(PerformanceTab.class);
        assertThat(_get(Paragraph.class, spec -> spec.withId("performance-none"))
                        .getText())
                .isEqualTo("No performance measurements for this model yet.");
        assertThat(tab.throughputChart.isAttached()).isFalse();
        assertThat(tab.task.isAttached()).isFalse();
    }
}
