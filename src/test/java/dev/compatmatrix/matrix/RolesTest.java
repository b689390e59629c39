package dev.compatmatrix.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.StandardEvaluationContext;
import org.springframework.security.access.expression.SecurityExpressionRoot;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The role expressions services are guarded with come from {@link Roles}, and grant what their names say. */
class RolesTest {

    @Test
    void each_expression_grants_exactly_the_roles_it_names() {
        Map<String, Set<String>> granted = Map.of(
                Roles.HAS_VIEWER, Set.copyOf(Roles.ALL),
                Roles.HAS_EDITOR, Set.of(Roles.EDITOR),
                Roles.HAS_VALIDATOR, Set.of(Roles.VALIDATOR),
                Roles.HAS_ADMIN, Set.of(Roles.ADMIN),
                Roles.HAS_EDITOR_OR_ADMIN, Set.of(Roles.EDITOR, Roles.ADMIN));
        granted.forEach((expression, roles) -> {
            for (String role : Roles.ALL) {
                assertThat(allows(expression, Roles.effective(List.of(role))))
                        .as(expression + " for " + role)
                        .isEqualTo(roles.contains(role));
            }
            assertThat(allows(expression, Set.of()))
                    .as(expression + " for no role")
                    .isFalse();
        });
    }

    @Test
    void no_guard_in_the_code_spells_a_role_name_itself() throws IOException {
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            List<String> spelled = sources.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.endsWith(Path.of("dev/compatmatrix/matrix/Roles.java")))
                    .flatMap(p -> lines(p).filter(line -> line.contains("Role('")
                                    || line.contains("@RolesAllowed(\"")
                                    || line.contains("\"ROLE_"))
                            .map(line -> p.getFileName() + ": " + line.strip()))
                    .toList();
            assertThat(spelled).isEmpty();
        }
    }

    private static boolean allows(String expression, Set<String> roles) {
        var caller = UsernamePasswordAuthenticationToken.authenticated(
                "someone",
                null,
                roles.stream()
                        .map(role -> new SimpleGrantedAuthority(Roles.authority(role)))
                        .toList());
        var root = new SecurityExpressionRoot<Object>(caller) {};
        return new SpelExpressionParser()
                .parseExpression(expression)
                .getValue(new StandardEvaluationContext(root), Boolean.class);
    }

    private static Stream<String> lines(Path source) {
        try {
            return Files.readAllLines(source).stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
