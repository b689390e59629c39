package dev.compatmatrix.security;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.compatmatrix.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** The health endpoint tells its details (disk path and space, database type) to admins only. */
class HealthDetailsTest extends IntegrationTest {

    @Autowired
    WebApplicationContext context;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
    }

    @Test
    void signed_in_users_other_than_admins_see_the_status_only() throws Exception {
        for (String role : new String[] {"VIEWER", "EDITOR", "VALIDATOR"}) {
            mvc.perform(get("/actuator/health").with(user("someone").roles(role, "VIEWER")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("UP"))
                    .andExpect(jsonPath("$.components").doesNotExist())
                    .andExpect(jsonPath("$.details").doesNotExist());
        }
        mvc.perform(get("/actuator/health"))
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components").doesNotExist());
    }

    @Test
    void admins_see_the_details() throws Exception {
        mvc.perform(get("/actuator/health").with(user("admin").roles("ADMIN", "VIEWER")))
                .andExpect(jsonPath("$.components.diskSpace.details.free").isNumber())
                .andExpect(jsonPath("$.components.db.details.database").exists());
    }
}
