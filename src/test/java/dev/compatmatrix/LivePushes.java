package dev.compatmatrix;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import dev.compatmatrix.compatibility.ClaimService;
import dev.compatmatrix.matrix.ChangeNote;
import dev.compatmatrix.matrix.Claim;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.modelpage.ui.ModelView;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.springframework.security.core.context.SecurityContextHolder;

/** For Karibu tests of screens kept current by push: changes made by someone else, and waiting for their push. */
public final class LivePushes {

    private LivePushes() {}

    /** Runs a change as another editor (another session), then returns to the screen's user. */
    public static void asOtherEditor(String username, Runnable change) {
        var screenUser = SecurityContextHolder.getContext().getAuthentication();
        TestUsers.signIn(username, Roles.EDITOR);
        try {
            change.run();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(screenUser);
        }
    }

    /** Another editor changes the claim's level (with the reason and version a level change needs). */
    public static Claim changeLevel(ClaimService claims, String username, Claim claim, CompatibilityLevel level) {
        Claim[] saved = new Claim[1];
        asOtherEditor(
                username,
                () -> saved[0] = claims.update(
                        claim,
                        claim.data().withLevel(level),
                        new ChangeNote("Re-measured by " + username, "test 1.0")));
        return saved[0];
    }

    /** The first platform with a claim on the model page, other than {@code except} (null: any). */
    public static Platform claimedPlatform(ModelView page, Platform except) {
        return page.claimsGrid()
                .getGenericDataView()
                .getItems()
                .filter(c -> c.claim() != null && c.platform() != except)
                .findFirst()
                .orElseThrow()
                .platform();
    }

    /** A level other than this one. */
    public static CompatibilityLevel otherThan(CompatibilityLevel level) {
        return level == CompatibilityLevel.LOW ? CompatibilityLevel.MEDIUM : CompatibilityLevel.LOW;
    }

    /**
     * Waits (up to 5 s) until the screen's refresh counter passes {@code before}: the browser's round trips are what
     * run the pushed work in Karibu.
     */
    public static void awaitRefresh(AtomicLong refreshes, long before) {
        until(() -> refreshes.get() > before);
    }

    /** Waits (up to 10 s, with round trips) until the condition holds. */
    public static void until(BooleanSupplier condition) {
        Awaitility.await()
                .atMost(10, TimeUnit.SECONDS)
                .pollInSameThread()
                .pollInterval(50, TimeUnit.MILLISECONDS)
                .until(() -> {
                    MockVaadin.clientRoundtrip(false);
                    return condition.getAsBoolean();
                });
    }
}
