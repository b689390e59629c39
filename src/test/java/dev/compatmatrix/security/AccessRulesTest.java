package dev.compatmatrix.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Every screen and every service states who may use it, so a new one without a rule fails the build.
 */
class AccessRulesTest {

    private static final List<Class<? extends Annotation>> VIEW_RULES =
            List.of(AnonymousAllowed.class, PermitAll.class, RolesAllowed.class, DenyAll.class);
    /** Services that Spring Security itself calls before anyone is signed in. */
    private static final Set<Class<?>> SECURITY_INFRASTRUCTURE = Set.of(ConsoleUserDetailsService.class);

    @Test
    void every_route_layout_and_error_view_carries_exactly_one_access_annotation() {
        List<Class<?>> views = scan(
                new AnnotationTypeFilter(Route.class),
                new AnnotationTypeFilter(Layout.class),
                new AssignableTypeFilter(HasErrorParameter.class));
        assertThat(views).hasSizeGreaterThanOrEqualTo(6);
        for (Class<?> view : views) {
            long rules = VIEW_RULES.stream().filter(view::isAnnotationPresent).count();
            assertThat(rules).as("access annotations on %s", view.getName()).isEqualTo(1);
        }
    }

    @Test
    void every_public_service_method_has_a_preauthorize_rule() {
        List<Class<?>> services = scan(new AnnotationTypeFilter(Service.class));
        assertThat(services).isNotEmpty();
        for (Class<?> service : services) {
            if (SECURITY_INFRASTRUCTURE.contains(service)) {
                continue;
            }
            boolean classRule = service.isAnnotationPresent(PreAuthorize.class);
            for (Method method : service.getDeclaredMethods()) {
                if (Modifier.isPublic(method.getModifiers()) && !method.isSynthetic()) {
                    assertThat(classRule || method.isAnnotationPresent(PreAuthorize.class))
                            .as("@PreAuthorize on %s.%s", service.getSimpleName(), method.getName())
                            .isTrue();
                }
            }
        }
    }

    private static List<Class<?>> scan(org.springframework.core.type.filter.TypeFilter... filters) {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        Arrays.stream(filters).forEach(scanner::addIncludeFilter);
        return scanner.findCandidateComponents("dev.compatmatrix").stream()
                .flatMap(bean -> {
                    try {
                        return Stream.<Class<?>>of(Class.forName(bean.getBeanClassName()));
                    } catch (ClassNotFoundException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .filter(c -> !c.isInterface() && !Modifier.isAbstract(c.getModifiers()))
                .toList();
    }
}
