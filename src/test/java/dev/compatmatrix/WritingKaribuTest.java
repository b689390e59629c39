package dev.compatmatrix;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Browserless UI tests that write, over the writing tests' own database. */
public abstract class WritingKaribuTest extends WritingIntegrationTest {

    @Autowired
    protected ApplicationContext context;

    @BeforeEach
    void setUpVaadin() {
        KaribuSupport.setUp(context);
    }

    @AfterEach
    void tearDownVaadin() {
        KaribuSupport.tearDown();
    }

    protected void login(String username, String... storedRoles) {
        KaribuSupport.login(username, storedRoles);
    }

    protected void logout() {
        KaribuSupport.logout();
    }
}
