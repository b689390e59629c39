package dev.compatmatrix.badge;

import dev.compatmatrix.badge.query.BadgeQuery;
import dev.compatmatrix.base.audit.AuditLog;
import dev.compatmatrix.base.repository.SettingsRepository;
import dev.compatmatrix.compatibility.query.MatrixQuery;
import dev.compatmatrix.compatibility.query.MatrixRow;
import dev.compatmatrix.matrix.Actor;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Roles;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Badges for READMEs. Anyone may read a badge once an admin has made badges public; until then only signed-in
 * users may. The rule depends on a stored setting, so it is checked inside {@link #badge} rather than in
 * the annotation.
 */
@Service
public class BadgeService {

    /** The {@code app_settings} row: 'true' or 'false'; absent means false. */
    static final String PUBLIC_SETTING = "badges.public";

    private final BadgeQuery badges;
    private final MatrixQuery matrix;
    private final SettingsRepository settings;
    private final AuditLog audit;
    private final Clock clock;

    public BadgeService(
            BadgeQuery badges, MatrixQuery matrix, SettingsRepository settings, AuditLog audit, Clock clock) {
        this.badges = badges;
        this.matrix = matrix;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The badge of a model on a platform; empty when no model has this name.
     *
     * @throws AccessDeniedException when badges are not public and nobody is signed in
     */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public Optional<BadgeData> badge(String modelName, Platform platform) {
        if (!badgesPublic() && !signedIn()) {
            throw new AccessDeniedException("Badges are not public; sign in to see them");
        }
        return badges.find(modelName, platform).map(this::withMarks);
    }

    /** The stale and disputed marks of the badge's cell, read as the matrix reads them (its row of the matrix). */
    private BadgeData withMarks(BadgeData data) {
        if (data.level() == null) {
            return data;
        }
        MatrixRow.Cell cell = matrix.rows(List.of(data.modelId())).stream()
                .findFirst()
                .map(row -> row.cell(data.platform()))
                .orElse(null);
        return cell == null ? data : data.withMarks(cell.stale(), cell.disputed());
    }

    @PreAuthorize("permitAll()")
    public boolean badgesPublic() {
        return settings.find(PUBLIC_SETTING).map(Boolean::parseBoolean).orElse(false);
    }

    @PreAuthorize(Roles.HAS_ADMIN)
    @Transactional
    public void setBadgesPublic(boolean makePublic) {
        boolean was = badgesPublic();
        settings.put(PUBLIC_SETTING, String.valueOf(makePublic));
        audit.record(
                Actor.name(),
                "settings.update",
                "app_settings",
                PUBLIC_SETTING,
                makePublic ? "Made badges public" : "Made badges visible to signed-in users only",
                Map.of("value", was),
                Map.of("value", makePublic),
                LocalDateTime.now(clock));
    }

    /** A signed-in user holds VIEWER (every role includes it); anonymous callers hold none. */
    private static boolean signedIn() {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        return caller != null
                && caller.isAuthenticated()
                && caller.getAuthorities().stream()
                        .anyMatch(a -> a.getAuthority().equals(Roles.authority(Roles.VIEWER)));
    }
}
