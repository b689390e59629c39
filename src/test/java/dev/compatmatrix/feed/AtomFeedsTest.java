package dev.compatmatrix.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.io.WireFeedInput;
import dev.compatmatrix.matrix.ChangeKind;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.MatrixEvent;
import dev.compatmatrix.matrix.Platform;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Atom document itself: text stays text, times are UTC, the newest entry dates the feed. */
class AtomFeedsTest {

    static final String HOSTILE = "<script>alert('x')</script>&<b>bold</b>";

    @Test
    void markup_in_a_model_name_family_or_actor_stays_inert_text_in_the_xml() throws Exception {
        var event = new MatrixEvent(
                7,
                7,
                LocalDateTime.of(2026, 12, 5, 6, 30, 15),
                ChangeKind.LEVEL_CHANGED,
                1,
                HOSTILE,
                HOSTILE,
                Platform.CUDA,
                CompatibilityLevel.HIGH,
                CompatibilityLevel.MEDIUM,
                null,
                HOSTILE);
        String xml = AtomFeeds.render(
                new ChangeFeed("urn:compatmatrix:feed:model:1", "Changes of " + HOSTILE, HOSTILE, null, List.of(event)),
                "https://compat.example.org",
                null,
                Instant.EPOCH);

        assertThat(xml).doesNotContain("<script", "<b>", "]]>").contains("&lt;script&gt;");
        Feed feed = (Feed) new WireFeedInput().build(new StringReader(xml));
        assertThat(feed.getTitleEx().getType()).isEqualTo("text");
        assertThat(feed.getTitle()).isEqualTo("Changes of " + HOSTILE);
        Entry entry = feed.getEntries().getFirst();
        assertThat(entry.getTitleEx().getType()).isEqualTo("text");
        assertThat(entry.getTitle()).isEqualTo(HOSTILE + " — CUDA: High → Medium");
        assertThat(entry.getContents().getFirst().getType()).isEqualTo("text");
        assertThat(entry.getContents().getFirst().getValue())
                .contains("Model: " + HOSTILE + " (" + HOSTILE + ")", "By: " + HOSTILE, "When: 2026-12-05 06:30 UTC");
        assertThat(entry.getAuthors().getFirst().getName()).isEqualTo(HOSTILE);
        assertThat(entry.getAlternateLinks().getFirst().getHref())
                .startsWith("https://compat.example.org/models/%3Cscript%3E");
        assertThat(entry.getUpdated()).isEqualTo(Date.from(Instant.parse("2026-12-05T06:30:15Z")));
        assertThat(feed.getUpdated()).isEqualTo(entry.getUpdated());
        assertThat(feed.getOtherLinks()).isEmpty(); // no self link given, as for private feeds
    }

    @Test
    void an_empty_feed_is_valid_atom_dated_by_the_time_given_with_the_console_as_author() throws Exception {
        Instant now = Instant.parse("2026-12-05T07:00:00Z");
        String xml = AtomFeeds.render(
                new ChangeFeed("urn:compatmatrix:feed:platform:cpu", "Changes on CPU", null, Platform.CPU, List.of()),
                "",
                "/feeds/platforms/cpu.atom",
                now);
        Feed feed = (Feed) new WireFeedInput().build(new StringReader(xml));
        assertThat(feed.getEntries()).isEmpty();
        assertThat(feed.getUpdated()).isEqualTo(Date.from(now));
        assertThat(feed.getAuthors().getFirst().getName()).isEqualTo("Compatibility Matrix Console");
        assertThat(feed.getAlternateLinks().getFirst().getHref()).isEqualTo("/history?platform=cpu");
        assertThat(feed.getOtherLinks().getFirst().getRel()).isEqualTo("self");
    }
}
