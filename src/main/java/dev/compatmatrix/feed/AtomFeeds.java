package dev.compatmatrix.feed;

import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import dev.compatmatrix.matrix.MatrixEvent;
import dev.compatmatrix.matrix.ui.ModelPages;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.springframework.web.util.UriUtils;

/**
 * Writes a {@link ChangeFeed} as Atom 1.0 with Rome, which escapes every text: titles and content are of type
 * "text", so a model's name is never read as HTML. Links are relative to {@code root} (the console's public address,
 * or "" for addresses relative to the feed's own, which feed readers resolve).
 */
final class AtomFeeds {

    static final String ENTRY_URN = "urn:compatmatrix:matrix-event:";
    private static final String CONSOLE = "Compatibility Matrix Console";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private AtomFeeds() {}

    /**
     * @param self the feed's own address for its "self" link, or null to leave it out (a private address is not
     *     repeated inside the document, which readers may pass on)
     * @param emptyUpdated the feed's "updated" when it has no entries
     */
    static String render(ChangeFeed changes, String root, String self, Instant emptyUpdated) {
        Feed feed = new Feed("atom_1.0");
        feed.setId(changes.id());
        feed.setTitleEx(text(changes.title()));
        feed.setUpdated(
                changes.events().isEmpty()
                        ? Date.from(emptyUpdated)
                        : utc(changes.events().getFirst().occurredAt()));
        feed.setAuthors(people(CONSOLE));
        feed.setAlternateLinks(List.of(link("alternate", root + "/" + page(changes))));
        if (self != null) {
            feed.setOtherLinks(List.of(link("self", self)));
        }
        feed.setEntries(changes.events().stream().map(e -> entry(e, root)).toList());
        try {
            return new WireFeedOutput().outputString(feed);
        } catch (FeedException e) {
            throw new IllegalStateException("Rome refused a feed built here", e);
        }
    }

    private static Entry entry(MatrixEvent event, String root) {
        Entry entry = new Entry();
        entry.setId(ENTRY_URN + event.id());
        entry.setTitleEx(text(event.modelName() + " — " + event.summary()));
        entry.setUpdated(utc(event.occurredAt()));
        entry.setAlternateLinks(List.of(link("alternate", root + "/" + modelPage(event.modelName()))));
        entry.setAuthors(people(event.actor() == null ? CONSOLE : event.actor()));
        entry.setContents(List.of(text(description(event))));
        return entry;
    }

    /** The entry's plain-text body: what changed, where, by whom and when. */
    private static String description(MatrixEvent event) {
        List<String> lines = new ArrayList<>();
        lines.add(event.summary());
        lines.add(
                "Model: " + event.modelName() + (event.modelFamily() == null ? "" : " (" + event.modelFamily() + ")"));
        if (event.platform() != null) {
            lines.add("Platform: " + event.platform().label());
        }
        lines.add("Change: " + event.kind().label());
        if (event.actor() != null) {
            lines.add("By: " + event.actor());
        }
        lines.add("When: " + WHEN.format(event.occurredAt()) + " UTC");
        return String.join("\n", lines);
    }

    private static String page(ChangeFeed changes) {
        if (changes.modelName() != null) {
            return modelPage(changes.modelName());
        }
        return changes.platform() == null
                ? ""
                : "history?platform=" + changes.platform().key();
    }

    private static String modelPage(String modelName) {
        return UriUtils.encodePath(ModelPages.path(modelName), StandardCharsets.UTF_8);
    }

    private static Content text(String value) {
        Content content = new Content();
        content.setType(Content.TEXT);
        content.setValue(value);
        return content;
    }

    private static Link link(String rel, String href) {
        Link link = new Link();
        link.setRel(rel);
        link.setHref(href);
        return link;
    }

    private static List<SyndPerson> people(String name) {
        Person person = new Person();
        person.setName(name);
        return List.of(person);
    }

    private static Date utc(LocalDateTime time) {
        return Date.from(time.toInstant(ZoneOffset.UTC));
    }
}
