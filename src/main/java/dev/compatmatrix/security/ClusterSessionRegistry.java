package dev.compatmatrix.security;

import dev.compatmatrix.security.repository.SessionGenerationRepository;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * Spring's registry of this node's sessions, which also ends a session that another node ended: each session keeps
 * its user's generation at sign-in ({@link SessionGenerationRepository}); when the generation in the database has
 * grown since, the session is expired on its next request, where Spring's session filter asks for it, and ends as
 * a session ended on this node does ({@link SessionEnded}).
 */
class ClusterSessionRegistry extends SessionRegistryImpl {

    private final SessionGenerationRepository generations;
    /** The user's generation when each session of this node began. */
    private final ConcurrentHashMap<String, Long> generationAtStart = new ConcurrentHashMap<>();

    ClusterSessionRegistry(SessionGenerationRepository generations) {
        this.generations = generations;
    }

    @Override
    public void registerNewSession(String sessionId, Object principal) {
        generationAtStart.put(sessionId, generations.current(username(principal)));
        super.registerNewSession(sessionId, principal);
    }

    @Override
    public void removeSessionInformation(String sessionId) {
        generationAtStart.remove(sessionId);
        super.removeSessionInformation(sessionId);
    }

    @Override
    public SessionInformation getSessionInformation(String sessionId) {
        SessionInformation session = super.getSessionInformation(sessionId);
        Long atStart = generationAtStart.get(sessionId);
        if (session != null
                && !session.isExpired()
                && atStart != null
                && generations.current(username(session.getPrincipal())) > atStart) {
            session.expireNow();
        }
        return session;
    }

    /** Ends the user's sessions on every node (in the caller's transaction) and at once on this one. */
    void endSessions(String username) {
        generations.next(username);
        for (Object principal : getAllPrincipals()) {
            if (username(principal).equals(username)) {
                getAllSessions(principal, false).forEach(SessionInformation::expireNow);
            }
        }
    }

    /**
     * Ends the user's sessions on every node except {@code keptSessionId}, which starts again at the new generation
     * (the caller's session lives on this node, so this node's record of it is the only one to move).
     */
    void endOtherSessions(String username, String keptSessionId) {
        generations.next(username);
        SessionInformation kept = super.getSessionInformation(keptSessionId);
        if (kept != null && username(kept.getPrincipal()).equals(username)) {
            generationAtStart.put(keptSessionId, generations.current(username));
        }
        for (Object principal : getAllPrincipals()) {
            if (username(principal).equals(username)) {
                getAllSessions(principal, false).stream()
                        .filter(session -> !session.getSessionId().equals(keptSessionId))
                        .forEach(SessionInformation::expireNow);
            }
        }
    }

    static String username(Object principal) {
        return principal instanceof UserDetails details ? details.getUsername() : String.valueOf(principal);
    }
}
