package dev.compatmatrix.e2e;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class driving headless Chromium against the shared application: each test method gets clean browsers (new,
 * or renewed after a passed test: signed out, no stored data) as {@link Browser} parameters; a failed test leaves
 * their screenshots and page sources in
 * {@code target/browser-failures}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(BrowserExtension.class)
public @interface BrowserTest {}
