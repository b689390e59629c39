package dev.compatmatrix.base.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.compatmatrix.IntegrationTest;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** Health and readiness tell admins which database the console runs on and whether it answers. */
class DatabaseHealthTest extends IntegrationTest {

    @Autowired
    WebApplicationContext web;

    @Autowired
    DatabaseProperties database;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(web)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
    }

    @Test
    void admins_see_the_database_file_and_readiness_asks_the_database() throws Exception {
        var admin = user("admin").roles("ADMIN", "VIEWER");
        String expected = database.kind() == DatabaseKind.DUCKDB
                ? Path.of(database.path()).toAbsolutePath().normalize().toString()
                : null;
        var health = mvc.perform(get("/actuator/health").with(admin))
                .andExpect(jsonPath("$.components.database.status").value("UP"));
        if (expected != null) {
            health.andExpect(jsonPath("$.components.database.details.database").value("DuckDB"))
                    .andExpect(jsonPath("$.components.database.details.file").value(expected));
        }
        mvc.perform(get("/actuator/health/readiness").with(admin))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components.database.status").value("UP"));
        mvc.perform(get("/actuator/health/liveness").with(admin))
                .andExpect(jsonPath("$.components.database").doesNotExist());
    }

    @Test
    void a_database_that_does_not_answer_is_down_and_its_password_is_not_shown() {
        var props = new DatabaseProperties(
                null, 0, null, 0, "jdbc:postgresql://127.0.0.1:1/compat?connectTimeout=2", "compat", "s3cret-pw");
        var down = new DatabaseHealthIndicator(new DriverManagerDataSource(props.url(), "compat", "s3cret-pw"), props)
                .health();
        assertThat(down.getStatus()).isEqualTo(Status.DOWN);
        assertThat(down.getDetails())
                .containsEntry("database", "PostgreSQL")
                .containsEntry("server", "127.0.0.1:1/compat")
                .containsEntry("user", "compat")
                .containsKey("error");
        assertThat(down.getDetails().toString()).doesNotContain("s3cret-pw");
    }
}
