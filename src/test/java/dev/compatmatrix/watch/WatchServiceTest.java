package dev.compatmatrix.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.compatmatrix.WritingIntegrationTest;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.security.token.ApiScope;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/** Watching and unwatching through the service, into a real database: each user's own watches only. */
class WatchServiceTest extends WritingIntegrationTest {

    @Autowired
    WatchService watches;

    @Autowired
    JdbcClient jdbc;

    private String aModel() {
        return jdbc.sql("SELECT model_name FROM models WHERE deleted_at IS NULL ORDER BY model_name LIMIT 1")
                .query(String.class)
                .single();
    }

    private String aFamily() {
        return jdbc.sql("SELECT min(model_family) FROM models WHERE deleted_at IS NULL")
                .query(String.class)
                .single();
    }

    private long storedWatches(String username) {
        return jdbc.sql("SELECT count(*) FROM watches WHERE username = :u")
                .param("u", username)
                .query(Long.class)
                .single();
    }

    @Test
    void every_role_watches_and_unwatches_a_model_a_platform_a_family_and_a_cell() {
        String model = aModel();
        List<WatchTarget> targets = List.of(
                WatchTarget.model(model),
                WatchTarget.platform(Platform.ROCM),
                WatchTarget.family(aFamily()),
                WatchTarget.cell(model, Platform.CUDA));
        for (String role : Roles.ALL) {
            String user = "watch-role-" + role.toLowerCase(java.util.Locale.ROOT);
            signIn(user, role);
            for (WatchTarget target : targets) {
                assertThat(watches.watch(target).added())
                        .as(role + " watches " + target.label())
                        .isTrue();
                assertThat(watches.isWatching(target)).isTrue();
            }
            assertThat(watches.myWatches()).extracting(Watch::target).containsExactlyInAnyOrderElementsOf(targets);
            for (WatchTarget target : targets) {
                assertThat(watches.unwatch(target)).isTrue();
                assertThat(watches.isWatching(target)).isFalse();
            }
            assertThat(storedWatches(user)).isZero();
        }
    }

    @Test
    void an_unknown_model_platform_or_family_is_refused_by_name_and_nothing_is_stored() {
        signIn("watch-unknown", Roles.VIEWER);
        assertThatThrownBy(() -> watches.watch(WatchTarget.model("no-such-model")))
                .isInstanceOfSatisfying(
                        WatchException.class, e -> assertThat(e.parameter()).isEqualTo("model"))
                .hasMessage("No model named 'no-such-model' is in the matrix.");
        assertThatThrownBy(() -> watches.watch(WatchTarget.cell("no-such-model", Platform.CPU)))
                .isInstanceOf(WatchException.class);
        assertThatThrownBy(() -> watches.watch(WatchTarget.family("no-such-family")))
                .isInstanceOfSatisfying(
                        WatchException.class, e -> assertThat(e.parameter()).isEqualTo("family"))
                .hasMessageContaining("no-such-family");
        assertThatThrownBy(() -> watches.watch(WatchTarget.platform(null)))
                .isInstanceOfSatisfying(
                        WatchException.class, e -> assertThat(e.parameter()).isEqualTo("platform"));
        assertThat(storedWatches("watch-unknown")).isZero();
    }

    @Test
    void watching_the_same_thing_twice_keeps_one_watch() {
        signIn("watch-twice", Roles.EDITOR);
        var first = watches.watch(WatchTarget.cell(aModel(), Platform.MPS));
        var second = watches.watch(WatchTarget.cell(aModel(), Platform.MPS));
        assertThat(first.added()).isTrue();
        assertThat(second.added()).isFalse();
        assertThat(second.watch().id()).isEqualTo(first.watch().id());
        assertThat(storedWatches("watch-twice")).isOne();
    }

    @Test
    void a_user_watches_at_most_500_things_and_is_told_so() {
        signIn("watch-many", Roles.VIEWER);
        jdbc.sql("""
                INSERT INTO watches (username, kind, model_family, target, created_at)
                SELECT 'watch-many', 'family', 'f' || i, 'family:f' || i, TIMESTAMP '2026-11-01 00:00:00'
                FROM generate_series(1, 500) AS s(i)""").update();
        assertThatThrownBy(() -> watches.watch(WatchTarget.platform(Platform.CPU)))
                .isInstanceOf(WatchException.class)
                .hasMessageContaining("500");
        assertThat(storedWatches("watch-many")).isEqualTo(500);
        assertThat(watches.isWatching(WatchTarget.platform(Platform.CPU))).isFalse();
    }

    @Test
    void a_user_neither_sees_nor_removes_another_users_watch() {
        signIn("watch-alice", Roles.VIEWER);
        long alices =
                watches.watch(WatchTarget.platform(Platform.WEBGPU)).watch().id();

        signIn("watch-bob", Roles.ADMIN);
        assertThat(watches.myWatches()).isEmpty();
        assertThat(watches.isWatching(WatchTarget.platform(Platform.WEBGPU))).isFalse();
        assertThat(watches.unwatch(WatchTarget.platform(Platform.WEBGPU))).isFalse();
        assertThatThrownBy(() -> watches.unwatchById(alices))
                .isInstanceOf(WatchException.class)
                .hasMessage("You have no watch with id " + alices + ".");

        signIn("watch-alice", Roles.VIEWER);
        assertThat(watches.myWatches()).extracting(Watch::id).containsExactly(alices);
        watches.unwatchById(alices);
        assertThat(watches.myWatches()).isEmpty();
    }

    @Test
    void a_token_changes_its_watches_only_with_the_watches_write_scope() {
        assertThat(WatchService.WRITE_SCOPE_AUTHORITY).isEqualTo(ApiScope.WATCHES_WRITE.authority());
        actAsToken(ApiScope.READ.authority(), "ROLE_" + Roles.VIEWER); // what the API's filter grants scope read
        assertThat(watches.myWatches()).isEmpty();
        assertThatThrownBy(() -> watches.watch(WatchTarget.platform(Platform.CPU)))
                .isInstanceOf(AccessDeniedException.class);

        actAsToken(ApiScope.WATCHES_WRITE.authority());
        assertThat(watches.watch(WatchTarget.platform(Platform.CPU)).added()).isTrue();
        assertThatThrownBy(() -> watches.myWatches()).isInstanceOf(AccessDeniedException.class);
        assertThat(storedWatches("api:watch-test")).isOne();
    }

    private static void actAsToken(String... authorities) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "api:watch-test", null, AuthorityUtils.createAuthorityList(authorities)));
    }
}
