package dev.compatmatrix.watch.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H4;
import dev.compatmatrix.TestUsers;
import dev.compatmatrix.WritingKaribuTest;
import dev.compatmatrix.compatibility.ClaimService;
import dev.compatmatrix.feedback.CellReport;
import dev.compatmatrix.feedback.FeedbackService;
import dev.compatmatrix.feedback.ReportDraft;
import dev.compatmatrix.feedback.ReportFixtures;
import dev.compatmatrix.feedback.ReportOutcome;
import dev.compatmatrix.matrix.ChangeNote;
import dev.compatmatrix.matrix.Claim;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.security.UserAdminService;
import dev.compatmatrix.watch.WatchService;
import dev.compatmatrix.watch.WatchTarget;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Watch → change → sign out → sign in: the "since your last visit" panel lists exactly the watched changes. Sign-ins
 * go through the real sign-in form (MockMvc), so the recorded visits are the application's own.
 */
class SinceLastVisitTest extends WritingKaribuTest {

    private static final String PASSWORD = "a long enough password";
    private static final Routes ROUTES = new Routes().autoDiscoverViews("dev.compatmatrix");

    @Autowired
    WebApplicationContext web;

    @Autowired
    UserAdminService users;

    @Autowired
    WatchService watches;

    @Autowired
    ClaimService claims;

    @Autowired
    FeedbackService feedback;

    @Autowired
    JdbcClient jdbc;

    MockMvc mvc;

    @BeforeEach
    void browser() {
        mvc = MockMvcBuilders.webAppContextSetup(web)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
    }

    private void createUser(String username) {
        TestUsers.signIn("admin", Roles.ADMIN);
        users.create(username, PASSWORD, new UserAdminService.UserChange("Watcher", Set.of(Roles.VIEWER), null, true));
        SecurityContextHolder.clearContext();
    }

    /** Signs in through the form, as a browser does; then the screens act as that user. */
    private void signInThroughTheForm(String username) throws Exception {
        logout();
        mvc.perform(formLogin("/login").user(username).password(PASSWORD)).andExpect(authenticated());
        MockVaadin.tearDown();
        MockVaadin.setup(UI::new, new MockSpringServlet(ROUTES, context, UI::new)); // a new session
        login(username, Roles.VIEWER);
        UI.getCurrent().navigate("");
    }

    /** Models with claims on CPU and CUDA, the first three by name. */
    private List<String> modelsWithClaimsOnCpuAndCuda() {
        return jdbc.sql("""
                SELECT m.model_name FROM models m JOIN cross_platform_compatibility c ON c.model_id = m.model_id
                WHERE m.deleted_at IS NULL
                  AND (SELECT count(*) FROM compatibility_details d
                       WHERE d.compatibility_id = c.id AND d.hardware_type IN ('cpu', 'cuda')) = 2
                ORDER BY m.model_name LIMIT 3""").query(String.class).list();
    }

    /** Changes the claim's level as an editor; returns the summary line the panel should show for it. */
    private String changeLevel(String model, Platform platform) {
        TestUsers.signIn("editor", Roles.EDITOR);
        Claim claim = claims.find(model, platform).orElseThrow();
        CompatibilityLevel other =
                claim.data().level() == CompatibilityLevel.LOW ? CompatibilityLevel.HIGH : CompatibilityLevel.LOW;
        claims.update(claim, claim.data().withLevel(other), new ChangeNote("Re-measured", "v2"));
        SecurityContextHolder.clearContext();
        return platform.label() + ": " + claim.data().level().label() + " → " + other.label();
    }

    @Test
    void after_watch_change_sign_out_and_sign_in_the_panel_lists_exactly_the_watched_changes() throws Exception {
        createUser("since-watcher");
        signInThroughTheForm("since-watcher");
        List<String> models = modelsWithClaimsOnCpuAndCuda();
        String watchedModel = models.get(0);
        String cellModel = models.get(1);
        String unwatchedModel = models.get(2);
        TestUsers.signIn("since-watcher", Roles.VIEWER);
        watches.watch(WatchTarget.model(watchedModel));
        watches.watch(WatchTarget.cell(cellModel, Platform.CUDA));

        String modelChange = changeLevel(watchedModel, Platform.CPU);
        String cellChange = changeLevel(cellModel, Platform.CUDA);
        changeLevel(cellModel, Platform.CPU); // another cell of the same model: not watched
        changeLevel(unwatchedModel, Platform.CUDA); // not watched at all

        signInThroughTheForm("since-watcher"); // signs out of the first session, then in again

        SinceLastVisitPanel panel = _get(SinceLastVisitPanel.class);
        assertThat(panel.isOpened())
                .as("opens by itself on the session's first screen")
                .isTrue();
        assertThat(_find(panel, H4.class).stream().map(h -> h.getElement().getTextRecursively()))
                .containsExactlyInAnyOrder(watchedModel, cellModel);
        assertThat(_find(panel, Anchor.class).stream()
                        .filter(a -> a.hasClassName("watched-change"))
                        .map(a -> a.getHref() + " " + a.getText()))
                .containsExactlyInAnyOrder(
                        "models/" + watchedModel + " " + modelChange, "models/" + cellModel + " " + cellChange);
        assertThat(panel.summary.getText())
                .startsWith("2 changes in what you watch")
                .contains("2 level changes");
        assertThat(_get(SinceLastVisitEntry.class).getText()).isEqualTo("Since your last visit (2)");
    }

    @Test
    void the_panel_is_dismissed_and_reopened_from_the_header_and_says_when_nothing_changed() throws Exception {
        createUser("since-quiet");
        signInThroughTheForm("since-quiet");
        SinceLastVisitEntry entry = _get(SinceLastVisitEntry.class);
        assertThat(_find(SinceLastVisitPanel.class))
                .as("nothing to tell: no panel by itself")
                .isEmpty();
        entry.click();
        SinceLastVisitPanel first = _get(SinceLastVisitPanel.class);
        assertThat(first.summary.getText()).contains("first sign-in").contains("no previous visit");
        first.close();
        assertThat(_find(SinceLastVisitPanel.class)).isEmpty();

        signInThroughTheForm("since-quiet");
        _get(SinceLastVisitEntry.class).click();
        assertThat(_get(SinceLastVisitPanel.class).summary.getText())
                .startsWith("Nothing you watch has changed since your previous visit");
    }

    @Test
    void a_report_triaged_while_away_is_listed_with_its_outcome_in_words_and_counted() throws Exception {
        createUser("since-reporter");
        signInThroughTheForm("since-reporter");
        String model = modelsWithClaimsOnCpuAndCuda().get(0);
        TestUsers.signIn("since-reporter", Roles.VIEWER);
        CellReport report = feedback.report(
                model,
                Platform.CUDA,
                new ReportDraft(
                        ReportOutcome.FAILS, null, null, null, null, null, null, "<b>OOM</b> at batch 1", null));
        TestUsers.signIn("validator1", Roles.VALIDATOR);
        feedback.decline(report, "<i>Not reproducible</i> with 24 GB");
        SecurityContextHolder.clearContext();
        try {
            signInThroughTheForm("since-reporter");

            SinceLastVisitPanel panel = _get(SinceLastVisitPanel.class);
            assertThat(panel.isOpened())
                    .as("a triaged report opens the panel too")
                    .isTrue();
            assertThat(panel.summary.getText()).startsWith("Nothing you watch has changed");
            assertThat(_get(panel, TriagedReports.class).getElement().getTextRecursively())
                    .contains("Your reports, triaged since then (1)")
                    .contains(
                            "#" + report.id() + " " + model + " on CUDA: Declined: <i>Not reproducible</i> with 24 GB");
            assertThat(_find(panel, Anchor.class).stream().map(Anchor::getHref))
                    .contains("models/" + model + "/reports");
            assertThat(_get(SinceLastVisitEntry.class).getText()).contains("(1)");
        } finally {
            ReportFixtures.removeAll(jdbc);
        }
    }
}
