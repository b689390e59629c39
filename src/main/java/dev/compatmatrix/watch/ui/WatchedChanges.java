package dev.compatmatrix.watch.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import dev.compatmatrix.base.Plural;
import dev.compatmatrix.matrix.ChangeKind;
import dev.compatmatrix.matrix.MatrixEvent;
import dev.compatmatrix.matrix.ui.ModelPages;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Watched changes grouped by model (the model with the newest change first), each line a link to the model's page
 * with what changed on which platform, when and by whom; the kind of change in words ("Level change", "⚠ Dispute").
 */
class WatchedChanges extends Div {

    static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    WatchedChanges(List<MatrixEvent> changes) {
        addClassName("watched-changes");
        Map<String, List<MatrixEvent>> byModel = new LinkedHashMap<>();
        changes.forEach(e ->
                byModel.computeIfAbsent(e.modelName(), k -> new ArrayList<>()).add(e));
        byModel.forEach((model, events) -> {
            H4 heading = new H4(new Anchor(ModelPages.path(model), model));
            heading.addClassName("watched-model");
            UnorderedList lines = new UnorderedList();
            events.forEach(e -> lines.add(line(e)));
            add(heading, lines);
        });
    }

    private static ListItem line(MatrixEvent e) {
        Span kind = new Span(category(e) + ": ");
        kind.addClassName("watched-kind");
        Anchor what = new Anchor(ModelPages.path(e.modelName()), e.summary());
        what.addClassName("watched-change");
        Span when = new Span(" — " + time(e.occurredAt()) + (e.actor() == null ? "" : ", by " + e.actor()));
        when.addClassName("watched-when");
        return new ListItem(kind, what, when);
    }

    /** The kind of a change as the panel groups and counts it. */
    static String category(MatrixEvent e) {
        if (e.disputes()) {
            return "⚠ Dispute";
        }
        return switch (e.kind()) {
            case LEVEL_CHANGED, CLAIM_CREATED, CLAIM_REMOVED -> "Level change";
            case VALIDATION, DISPUTE_RESOLVED -> "Validation";
            case RESULT -> "Automated result";
            default -> e.kind().label();
        };
    }

    /** "2 level changes · 1 validation · 1 dispute · 3 automated results · 1 other change". */
    static String tally(List<MatrixEvent> changes) {
        long levels =
                changes.stream().filter(e -> category(e).equals("Level change")).count();
        long validations =
                changes.stream().filter(e -> category(e).equals("Validation")).count();
        long disputes = changes.stream().filter(MatrixEvent::disputes).count();
        long results = changes.stream()
                .filter(e -> e.kind() == ChangeKind.RESULT && !e.disputes())
                .count();
        long other = changes.size() - levels - validations - disputes - results;
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("level change", levels);
        counts.put("validation", validations);
        counts.put("dispute", disputes);
        counts.put("automated result", results);
        counts.put("other change", other);
        return counts.entrySet().stream()
                .filter(count -> count.getValue() > 0)
                .map(count -> Plural.of(count.getValue(), count.getKey()))
                .collect(java.util.stream.Collectors.joining(" · "));
    }

    static String time(LocalDateTime time) {
        return UTC_TIME.format(time);
    }
}
