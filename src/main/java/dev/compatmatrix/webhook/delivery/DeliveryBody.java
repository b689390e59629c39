package dev.compatmatrix.webhook.delivery;

import dev.compatmatrix.base.Keyed;
import dev.compatmatrix.matrix.MatrixEvent;
import dev.compatmatrix.matrix.ui.ModelPages;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON a receiver gets: {@code id} (the delivery's event id, the same on every retry), {@code change_id},
 * {@code occurred_at} (UTC), {@code events} (model, platform, kind, previous and new level, summary, url of the model
 * page) and {@code text}, one line for Slack-compatible incoming webhooks. Built once when the delivery is queued.
 */
@Component
public class DeliveryBody {

    /** At most this many events are named in {@code text}; the rest are counted. */
    private static final int NAMED_IN_TEXT = 3;

    private final JsonMapper json;
    private final String publicUrl;

    DeliveryBody(JsonMapper json, @Value("${compat.public-url:}") String publicUrl) {
        this.json = json;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** The body for one change's events that a webhook receives. */
    public String of(String eventId, long changeId, List<MatrixEvent> events) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", eventId);
        body.put("change_id", changeId);
        body.put("occurred_at", utc(events.getFirst().occurredAt()));
        List<Map<String, Object>> items = new ArrayList<>();
        for (MatrixEvent event : events) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("model", event.modelName());
            item.put("platform", key(event.platform()));
            item.put("kind", event.kind().key());
            item.put("previous", key(event.previousLevel()));
            item.put("new", key(event.newLevel()));
            item.put("summary", event.summary());
            item.put("url", modelUrl(event.modelName()));
            items.add(item);
        }
        body.put("events", items);
        body.put("text", slackText(events));
        return json.writeValueAsString(body);
    }

    /** The body of a test event: no matrix change, {@code test: true}. */
    public String test(String eventId, String webhookUrl, LocalDateTime now) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", eventId);
        body.put("change_id", null);
        body.put("occurred_at", utc(now));
        body.put("events", List.of());
        body.put("text", slackEscape("Test event from the Compatibility Matrix Console for " + webhookUrl));
        body.put("test", true);
        return json.writeValueAsString(body);
    }

    private String slackText(List<MatrixEvent> events) {
        String named = events.stream()
                .limit(NAMED_IN_TEXT)
                .map(e -> e.modelName() + " — " + e.summary())
                .collect(Collectors.joining("; "));
        int more = events.size() - NAMED_IN_TEXT;
        return slackEscape(more > 0 ? named + " (and " + more + " more)" : named);
    }

    /** Slack reads &lt;, &gt; and &amp; as markup; everything else is shown as written. */
    private static String slackEscape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private String modelUrl(String modelName) {
        String path = "/" + ModelPages.path(modelName);
        try {
            return publicUrl + new URI(null, null, path, null).toASCIIString();
        } catch (URISyntaxException e) {
            return publicUrl + path;
        }
    }

    private static String utc(LocalDateTime time) {
        return DateTimeFormatter.ISO_INSTANT.format(time.toInstant(ZoneOffset.UTC));
    }

    private static String key(Keyed value) {
        return value == null ? null : value.key();
    }
}
