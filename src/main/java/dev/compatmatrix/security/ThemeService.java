package dev.compatmatrix.security;

import dev.compatmatrix.matrix.Actor;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.security.repository.UserThemeRepository;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The signed-in user's own colour scheme (light, dark or the operating system's), kept in the database. */
@Service
@PreAuthorize(Roles.HAS_VIEWER)
public class ThemeService {

    private final UserThemeRepository themes;

    public ThemeService(UserThemeRepository themes) {
        this.themes = themes;
    }

    /** The signed-in user's choice; {@link ThemeChoice#SYSTEM} until they choose. */
    @Transactional(readOnly = true)
    public ThemeChoice myTheme() {
        return themes.find(Actor.name()).orElse(ThemeChoice.SYSTEM);
    }

    /** Saves the signed-in user's choice (only their own: the name comes from the session, never from the caller). */
    @Transactional
    public void saveMyTheme(ThemeChoice theme) {
        if (theme == null) {
            throw new IllegalArgumentException("Choose System, Light or Dark.");
        }
        themes.save(Actor.name(), theme);
    }
}
