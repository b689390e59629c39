package dev.compatmatrix.base.db;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.compatmatrix.PostgresDemoKaribuTest;
import dev.compatmatrix.PostgresTestServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** On PostgreSQL, admins see the server, database and user of the console's database (never the password). */
class PostgresHealthTest extends PostgresDemoKaribuTest {

    @Autowired
    WebApplicationContext web;

    @Autowired
    DatabaseProperties database;

    @Test
    void admins_see_the_postgresql_server_and_database_and_readiness_asks_it() throws Exception {
        var mvc = MockMvcBuilders.webAppContextSetup(web)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
        var admin = user("admin").roles("ADMIN", "VIEWER");
        String server = "127.0.0.1:" + PostgresTestServer.shared().port() + "/"
                + PostgresUrl.parse(database.url()).database();
        mvc.perform(get("/actuator/health").with(admin))
                .andExpect(jsonPath("$.components.database.status").value("UP"))
                .andExpect(jsonPath("$.components.database.details.database").value("PostgreSQL"))
                .andExpect(jsonPath("$.components.database.details.server").value(server))
                .andExpect(jsonPath("$.components.database.details.user").value(PostgresTestServer.USER))
                .andExpect(jsonPath("$.components.database.details.password").doesNotExist());
        mvc.perform(get("/actuator/health/readiness").with(admin))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.components.database.status").value("UP"));
    }
}
