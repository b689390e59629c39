package dev.compatmatrix.dashboard.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static dev.compatmatrix.LiveScreenSupport.awaitOnScreen;
import static dev.compatmatrix.LiveScreenSupport.elsewhere;
import static dev.compatmatrix.LiveScreenSupport.keepsOnScreen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.vaadin.flow.component.UI;
import dev.compatmatrix.TestUsers;
import dev.compatmatrix.WritingKaribuTest;
import dev.compatmatrix.catalog.CatalogService;
import dev.compatmatrix.history.ui.HistoryView;
import dev.compatmatrix.ingest.IngestApiSupport;
import dev.compatmatrix.matrix.ModelData;
import dev.compatmatrix.matrix.ModelSize;
import dev.compatmatrix.matrix.ModelType;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.matrix.live.LiveChanges;
import dev.compatmatrix.security.token.ApiScope;
import dev.compatmatrix.security.token.ApiTokenService;
import dev.compatmatrix.validation.ui.ValidationQueueView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.web.context.WebApplicationContext;

/** A batch of 1,000 automated results through the API is one refresh of each open screen, not 1,000. */
class LiveScreensCoalescingTest extends WritingKaribuTest {

    private static final int MODELS = 125; // × 8 platforms = 1,000 results

    @Autowired
    WebApplicationContext web;

    @Autowired
    ApiTokenService tokens;

    @Autowired
    CatalogService catalog;

    @Autowired
    LiveChanges live;

    @Test
    void a_batch_of_1000_results_is_one_refresh_of_the_open_queue_dashboard_and_history() {
        List<String> models = createModels();
        login("validator3", Roles.VALIDATOR);
        UI.getCurrent().navigate("queue");
        ValidationQueueView queue = _get(ValidationQueueView.class);
        DashboardView dashboard = context.getAutowireCapableBeanFactory().createBean(DashboardView.class);
        HistoryView history = context.getAutowireCapableBeanFactory().createBean(HistoryView.class);
        UI.getCurrent().add(dashboard, history);
        long seen = live.changesSeen();

        elsewhere(() -> IngestApiSupport.caller(web, tokens, ApiScope.RESULTS_WRITE)
                .perform(post("/api/v1/results")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(batch(models)))
                .andExpect(status().isCreated()));

        awaitOnScreen(
                () -> queue.liveRefreshes() == 1 && dashboard.liveRefreshes() == 1 && history.liveRefreshes() == 1);
        keepsOnScreen(
                Duration.ofSeconds(1),
                () -> queue.liveRefreshes() == 1 && dashboard.liveRefreshes() == 1 && history.liveRefreshes() == 1);
        System.out.println("1,000-result batch: " + (live.changesSeen() - seen) + " committed change(s); refreshes:"
                + " queue " + queue.liveRefreshes() + ", dashboard " + dashboard.liveRefreshes() + ", history "
                + history.liveRefreshes());
        assertThat(dashboard.recentChanges.getGenericDataView().getItems())
                .allMatch(change -> change.modelName().startsWith("zz-live-"));
    }

    /** New models (before any screen opens), so that every one of the 1,000 results makes a claim. */
    private List<String> createModels() {
        TestUsers.signIn("editor", Roles.EDITOR);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < MODELS; i++) {
            names.add("zz-live-%03d".formatted(i));
            catalog.create(new ModelData(names.getLast(), "live", ModelType.VISION, ModelSize.SMALL, 10.0, null));
        }
        return names;
    }

    private static String batch(List<String> models) {
        List<String> results = new ArrayList<>();
        for (String model : models) {
            for (Platform platform : Platform.values()) {
                results.add("""
                        {"model": "%s", "hardware": "%s", "level": "medium",
                         "evidence": {"run": "live-run", "framework_version": "torch 2.6.0"}}""".formatted(model, platform.key()));
            }
        }
        return "{\"batch_id\": \"live-batch\", \"results\": [%s]}".formatted(String.join(",", results));
    }
}
