package dev.compatmatrix.feed.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import dev.compatmatrix.WritingKaribuTest;
import dev.compatmatrix.feed.FeedService;
import dev.compatmatrix.feed.NoSuchFeedException;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.security.UserAdminService;
import dev.compatmatrix.security.UserAdminService.UserChange;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class FeedsViewTest extends WritingKaribuTest {

    static final String USER = "feedscreen";

    @Autowired
    FeedService feeds;

    @Test
    void a_user_makes_a_private_address_sees_it_once_and_replacing_it_stops_the_old_one(
            @Autowired UserAdminService users) {
        login("admin", Roles.ADMIN);
        if (users.list().stream().noneMatch(u -> u.username().equals(USER))) {
            users.create(USER, "feed-screen-password", new UserChange(null, Set.of(Roles.VIEWER), null, true));
        }
        login(USER, Roles.VIEWER);
        UI.getCurrent().navigate("feeds");
        FeedsView view = _get(FeedsView.class);
        assertThat(view.state.getText()).isEqualTo("You have no private feed address yet.");
        assertThat(view.shownOnce.isVisible()).isFalse();

        _click(view.replace);
        String first = view.shownSecret;
        assertThat(view.privateAddress.getValue()).endsWith("/feeds/private/" + first + "/watching.atom");
        assertThat(view.shownOnce.isVisible()).isTrue();
        assertThat(view.state.getText()).contains(first.substring(0, 10)).doesNotContain(first);
        assertThat(feeds.privateWatchingFeed(first).title()).isEqualTo("Changes you watch");

        // Shown once: the next visit describes the address without it.
        UI.getCurrent().navigate("");
        UI.getCurrent().navigate("feeds");
        view = _get(FeedsView.class);
        assertThat(view.shownOnce.isVisible()).isFalse();
        assertThat(view.getElement().getOuterHTML()).doesNotContain(first);
        assertThat(view.replace.getText()).isEqualTo("Replace the address…");

        _click(view.replace);
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));
        String second = view.shownSecret;
        assertThat(second).isNotEqualTo(first);
        assertThat(view.privateAddress.getValue()).endsWith("/feeds/private/" + second + "/watching.atom");
        assertThatThrownBy(() -> feeds.privateWatchingFeed(first)).isInstanceOf(NoSuchFeedException.class);
        assertThat(feeds.privateWatchingFeed(second).events()).isNotNull();
    }

    @Test
    void the_screen_lists_the_signed_in_feed_addresses_for_every_role() {
        login("viewer", Roles.VIEWER);
        UI.getCurrent().navigate("feeds");
        String text = _get(FeedsView.class).getElement().getOuterHTML();
        assertThat(text)
                .contains("/feeds/watching.atom", "/feeds/models/prajjwal1/bert-tiny.atom", "/feeds/platforms/")
                .contains("cpu, cuda, rocm");
    }
}
