package dev.compatmatrix.cluster;

import dev.compatmatrix.Application;
import dev.compatmatrix.PostgresTestServer;
import dev.compatmatrix.matrix.Roles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/** Application nodes in this JVM on one PostgreSQL database, for the tests of several nodes. */
final class ClusterNodes {

    private ClusterNodes() {}

    /**
     * A new database on this JVM's PostgreSQL server. Under {@code CI=true} a server that cannot start fails the test;
     * elsewhere it skips it.
     */
    static String newDatabaseOrSkip(String name) {
        try {
            return PostgresTestServer.shared().newDatabase(name);
        } catch (RuntimeException e) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw e;
            }
            Assumptions.abort("No PostgreSQL server could start here: " + e.getMessage());
            throw e;
        }
    }

    /** A node on this database, on a free port, loading the demo data when {@code demo}; more settings may follow. */
    static ConfigurableApplicationContext start(String url, boolean demo, String... settings) throws Exception {
        Path folder = Files.createTempDirectory("compat-node-");
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.port", "0");
        properties.put("compat.db.url", url);
        properties.put("compat.db.username", PostgresTestServer.USER);
        properties.put("compat.db.password", PostgresTestServer.PASSWORD);
        properties.put("compat.db.path", folder.resolve("unused.duckdb").toString());
        properties.put("compat.backup.dir", folder.resolve("backups").toString());
        properties.put("compat.demo.enabled", String.valueOf(demo));
        List<String> arguments = new ArrayList<>(properties.entrySet().stream()
                .map(p -> "--" + p.getKey() + "=" + p.getValue())
                .toList());
        arguments.addAll(List.of(settings));
        // As arguments: they take precedence over application.properties (builder properties would not).
        return new SpringApplicationBuilder(Application.class).run(arguments.toArray(String[]::new));
    }

    static void close(ConfigurableApplicationContext... nodes) {
        for (ConfigurableApplicationContext node : nodes) {
            if (node != null) {
                node.close();
            }
        }
    }

    /**
     * Signs in on this thread on every node: each node's Vaadin installs its own security-context strategy (a thread
     * local of its own), and only one of them can be the global one.
     */
    static void signIn(String username, List<String> roles, ConfigurableApplicationContext... nodes) {
        var authorities = Roles.effective(roles).stream()
                .map(role -> new SimpleGrantedAuthority("ROLE_" + role))
                .toList();
        var authentication = UsernamePasswordAuthenticationToken.authenticated(username, null, authorities);
        for (SecurityContextHolderStrategy strategy : strategies(nodes)) {
            SecurityContext context = strategy.createEmptyContext();
            context.setAuthentication(authentication);
            strategy.setContext(context);
        }
    }

    static void signOut(ConfigurableApplicationContext... nodes) {
        strategies(nodes).forEach(SecurityContextHolderStrategy::clearContext);
    }

    private static List<SecurityContextHolderStrategy> strategies(ConfigurableApplicationContext... nodes) {
        List<SecurityContextHolderStrategy> strategies = new ArrayList<>();
        strategies.add(SecurityContextHolder.getContextHolderStrategy());
        for (ConfigurableApplicationContext node : nodes) {
            if (node != null) {
                SecurityContextHolderStrategy strategy = node.getBeanProvider(SecurityContextHolderStrategy.class)
                        .getIfUnique();
                if (strategy != null) {
                    strategies.add(strategy);
                }
            }
        }
        return strategies;
    }
}
