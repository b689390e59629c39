package dev.compatmatrix.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.io.WireFeedInput;
import dev.compatmatrix.WritingIntegrationTest;
import dev.compatmatrix.catalog.CatalogService;
import dev.compatmatrix.compatibility.ClaimService;
import dev.compatmatrix.matrix.ChangeNote;
import dev.compatmatrix.matrix.ClaimData;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.ModelData;
import dev.compatmatrix.matrix.ModelSize;
import dev.compatmatrix.matrix.ModelType;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.security.UserAdminService;
import dev.compatmatrix.security.UserAdminService.UserChange;
import java.io.StringReader;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** The Atom feeds through the browser's real filter chain, read back with Rome. */
class FeedControllerTest extends WritingIntegrationTest {

    static final String MODEL = "acme/feed-me";
    static final String OTHER_MODEL = "acme/feed-not-me";
    static final String READER = "feedreader";
    static final String PASSWORD = "feed-reader-password";
    /** The entries of MODEL's feed, newest first: what setUp did to it. */
    static final List<String> MODEL_TITLES = List.of(
            MODEL + " — WebGPU: Low → Medium", MODEL + " — WebGPU: claim created, Low", MODEL + " — model added");

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FeedSecretService secrets;

    @Autowired
    UserAdminService users;

    MockMvc mvc;

    @BeforeEach
    void setUp(@Autowired CatalogService catalog, @Autowired ClaimService claims) {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
        signIn("admin", Roles.ADMIN);
        if (users.list().stream().noneMatch(u -> u.username().equals(READER))) {
            users.create(READER, PASSWORD, new UserChange(null, Set.of(Roles.VIEWER), null, true));
        }
        signIn("editor", Roles.EDITOR);
        for (String name : List.of(MODEL, OTHER_MODEL)) {
            if (catalog.find(name).isEmpty()) {
                catalog.create(new ModelData(name, "acme", ModelType.VISION, ModelSize.TINY, 5.0, null));
                claims.create(
                        name,
                        Platform.WEBGPU,
                        new ClaimData(CompatibilityLevel.LOW, null, null, null, null, "0.20", null, null, null, false),
                        new ChangeNote("first run", "0.20"));
                var claim = claims.find(name, Platform.WEBGPU).orElseThrow();
                claims.update(
                        claim,
                        new ClaimData(
                                CompatibilityLevel.MEDIUM, null, null, null, null, "0.21", null, null, null, false),
                        new ChangeNote("kernels fixed", "0.21"));
            }
        }
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_model_feed_is_atom_that_rome_reads_back_with_exactly_that_models_changes_newest_first() throws Exception {
        Feed feed = feedAt(get("/feeds/models/" + MODEL + ".atom").session(session(READER, PASSWORD)));

        List<StoredEvent> stored =
                events("e.model_id = (SELECT model_id FROM models WHERE model_name = '" + MODEL + "')");
        assertThat(stored).hasSize(3); // model added, claim created, level changed
        assertThat(feed.getEntries())
                .extracting(Entry::getId)
                .containsExactlyElementsOf(stored.stream()
                        .map(e -> "urn:compatmatrix:matrix-event:" + e.id())
                        .toList());
        assertThat(feed.getEntries()).extracting(Entry::getTitle).containsExactlyElementsOf(MODEL_TITLES);
        Entry newest = feed.getEntries().getFirst();
        // Atom's date-time, as Rome writes it, is to the second.
        assertThat(newest.getUpdated())
                .isEqualTo(Date.from(stored.getFirst().occurredAt().toInstant().truncatedTo(ChronoUnit.SECONDS)));
        assertThat(feed.getUpdated()).isEqualTo(newest.getUpdated());
        assertThat(newest.getAuthors().getFirst().getName()).isEqualTo("editor");
        assertThat(newest.getAlternateLinks().getFirst().getHref()).isEqualTo("/models/" + MODEL);
        assertThat(newest.getContents().getFirst().getType()).isEqualTo("text");
        assertThat(newest.getContents().getFirst().getValue()).contains("WebGPU: Low → Medium", "By: editor");
        assertThat(feed.getId()).startsWith("urn:compatmatrix:feed:model:");
        assertThat(feed.getOtherLinks().getFirst().getHref()).isEqualTo("/feeds/models/" + MODEL + ".atom");
    }

    @Test
    void a_platform_feed_holds_only_that_platforms_changes_newest_first_and_at_most_fifty() throws Exception {
        Feed feed = feedAt(get("/feeds/platforms/webgpu.atom").session(session(READER, PASSWORD)));

        List<StoredEvent> stored = events("e.hardware_type = 'webgpu'");
        assertThat(feed.getEntries())
                .extracting(Entry::getId)
                .containsExactlyElementsOf(stored.stream()
                        .limit(FeedService.ENTRIES)
                        .map(e -> "urn:compatmatrix:matrix-event:" + e.id())
                        .toList());
        assertThat(feed.getEntries()).extracting(Entry::getTitle).allMatch(t -> t.contains(" — WebGPU: "));
        assertThat(feed.getEntries()).extracting(Entry::getTitle).contains(OTHER_MODEL + " — WebGPU: Low → Medium");
        assertThat(feed.getEntries().size()).isLessThanOrEqualTo(FeedService.ENTRIES);
    }

    @Test
    void the_watch_list_feed_holds_the_watched_models_changes_and_no_others_by_session_and_by_secret()
            throws Exception {
        watch(READER, MODEL);
        String secret = newSecret(READER);
        for (MockHttpServletRequestBuilder request : List.of(
                get("/feeds/watching.atom").session(session(READER, PASSWORD)),
                get("/feeds/private/" + secret + "/watching.atom"))) {
            assertThat(feedAt(request).getEntries())
                    .extracting(Entry::getTitle)
                    .containsExactlyElementsOf(MODEL_TITLES);
        }
    }

    @Test
    void a_replaced_secret_stops_the_old_address_at_once_and_the_new_one_works() throws Exception {
        String old = newSecret(READER);
        mvc.perform(get("/feeds/private/" + old + "/models/" + MODEL + ".atom")).andExpect(status().isOk());

        String replacement = newSecret(READER);

        String unknown = mvc.perform(get("/feeds/private/" + FeedSecrets.newSecret() + "/watching.atom"))
                .andExpect(status().isNotFound())
                .andReturn()
                .getResponse()
                .getContentAsString();
        for (String path : List.of("/watching.atom", "/models/" + MODEL + ".atom", "/platforms/cuda.atom")) {
            mvc.perform(get("/feeds/private/" + old + path))
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentType("text/plain;charset=UTF-8"))
                    .andExpect(content().string(unknown));
            mvc.perform(get("/feeds/private/" + replacement + path)).andExpect(status().isOk());
        }
    }

    @Test
    void a_disabled_users_secret_stops_and_does_not_come_back_when_they_are_enabled_again() throws Exception {
        String secret = newSecret(READER);
        String address = "/feeds/private/" + secret + "/platforms/cuda.atom";
        mvc.perform(get(address)).andExpect(status().isOk());

        signIn("admin", Roles.ADMIN);
        users.update(READER, new UserChange(null, Set.of(Roles.VIEWER), null, false));
        mvc.perform(get(address))
                .andExpect(status().isNotFound())
                .andExpect(content().string(FeedService.NO_SUCH_FEED + "\n"));

        signIn("admin", Roles.ADMIN);
        users.update(READER, new UserChange(null, Set.of(Roles.VIEWER), null, true));
        mvc.perform(get(address)).andExpect(status().isNotFound());
        signIn(READER, Roles.VIEWER);
        assertThat(secrets.current().orElseThrow().works()).isFalse();
        mvc.perform(get("/feeds/private/" + newSecret(READER) + "/platforms/cuda.atom"))
                .andExpect(status().isOk());
    }

    @Test
    void without_a_session_or_a_secret_feeds_are_refused_and_a_made_up_secret_is_not_found() throws Exception {
        for (String path :
                List.of("/feeds/models/" + MODEL + ".atom", "/feeds/platforms/cuda.atom", "/feeds/watching.atom")) {
            mvc.perform(get(path))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentType("text/plain;charset=UTF-8"))
                    .andExpect(content().string(Matchers.containsString("private feed address")));
        }
        for (String secret : List.of("cmf_nothing", FeedSecrets.newSecret(), "not-a-secret")) {
            mvc.perform(get("/feeds/private/" + secret + "/watching.atom"))
                    .andExpect(status().isNotFound())
                    .andExpect(content().string(FeedService.NO_SUCH_FEED + "\n"));
        }
    }

    @Test
    void an_unknown_model_or_platform_is_a_404_with_a_plain_message() throws Exception {
        MockHttpSession session = session(READER, PASSWORD);
        mvc.perform(get("/feeds/models/no-such/model.atom").session(session))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType("text/plain;charset=UTF-8"))
                .andExpect(content().string("No model is named 'no-such/model'.\n"));
        mvc.perform(get("/feeds/platforms/tpu.atom").session(session))
                .andExpect(status().isNotFound())
                .andExpect(content().string(Matchers.startsWith("No platform has the key 'tpu'. The keys are: cpu,")));
        mvc.perform(get("/feeds/models/" + MODEL + ".rss").session(session)).andExpect(status().isNotFound());
        String secret = newSecret(READER);
        mvc.perform(get("/feeds/private/" + secret + "/models/no-such/model.atom"))
                .andExpect(status().isNotFound())
                .andExpect(content().string("No model is named 'no-such/model'.\n"));
    }

    @Test
    void an_unchanged_feed_answers_its_etag_with_304_and_is_not_kept_by_shared_caches() throws Exception {
        String address = "/feeds/private/" + newSecret(READER) + "/models/" + MODEL + ".atom";
        var first = mvc.perform(get(address))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("Cache-Control", "no-cache, private"))
                .andReturn()
                .getResponse();
        mvc.perform(get(address).header("If-None-Match", first.getHeader("ETag")))
                .andExpect(status().isNotModified());
    }

    record StoredEvent(long id, Date occurredAt) {}

    /** The stored events matching a condition on {@code e}, newest first. */
    private List<StoredEvent> events(String condition) {
        return jdbc.sql("SELECT e.id, e.occurred_at FROM matrix_events e WHERE " + condition + " ORDER BY e.id DESC")
                .query((rs, n) -> new StoredEvent(
                        rs.getLong("id"),
                        Date.from(
                                rs.getTimestamp("occurred_at").toLocalDateTime().toInstant(ZoneOffset.UTC))))
                .list();
    }

    private void watch(String username, String modelName) {
        jdbc.sql("""
                INSERT INTO watches (username, kind, model_id, target, created_at)
                SELECT :username, 'model', model_id, 'model:' || model_id, now()::TIMESTAMP
                FROM models m WHERE model_name = :model
                  AND NOT EXISTS (SELECT 1 FROM watches w WHERE w.username = :username AND w.model_id = m.model_id)""").param("username", username).param("model", modelName).update();
    }

    private String newSecret(String username) {
        signIn(username, Roles.VIEWER);
        try {
            return secrets.replace();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private MockHttpSession session(String username, String password) throws Exception {
        var login = mvc.perform(formLogin("/login").user(username).password(password))
                .andReturn();
        return (MockHttpSession) login.getRequest().getSession(false);
    }

    /** The Atom feed this request answers, read back with Rome. */
    private Feed feedAt(MockHttpServletRequestBuilder request) throws Exception {
        String xml = mvc.perform(request)
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/atom+xml;charset=UTF-8"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return (Feed) new WireFeedInput().build(new StringReader(xml));
    }
}
