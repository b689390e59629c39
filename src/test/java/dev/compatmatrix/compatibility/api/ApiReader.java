package dev.compatmatrix.compatibility.api;

import dev.compatmatrix.ingest.IngestApiSupport;
import dev.compatmatrix.security.token.ApiScope;
import dev.compatmatrix.security.token.ApiTokenService;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** Calls the API through the real filter chains, with a new token of scope {@code read} (nightly-ci's). */
record ApiReader(MockMvc mvc, String token) {

    static ApiReader create(WebApplicationContext context, ApiTokenService tokens) {
        return new ApiReader(MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity()).build(),
                IngestApiSupport.token(tokens, "nightly-ci", ApiScope.READ));
    }

    /** The request with the token. */
    ResultActions perform(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.header("Authorization", "Bearer " + token));
    }
}
