package dev.compatmatrix.base.db;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** A bean that exists only on one of the two databases (the one {@code compat.db.url} selects). */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(ConditionalOnDatabase.OnDatabase.class)
public @interface ConditionalOnDatabase {

    DatabaseKind value();

    final class OnDatabase implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            Map<String, Object> attributes = metadata.getAnnotationAttributes(ConditionalOnDatabase.class.getName());
            DatabaseKind wanted = (DatabaseKind) attributes.get("value");
            return DatabaseKind.of(context.getEnvironment().getProperty("compat.db.url")) == wanted;
        }
    }
}
