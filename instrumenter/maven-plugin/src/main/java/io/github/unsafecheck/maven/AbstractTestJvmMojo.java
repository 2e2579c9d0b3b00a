package io.github.unsafecheck.maven;

import org.apache.maven.plugins.annotations.Parameter;

/**
 * The goals that put arguments into the test JVMs' command line: prepare-agent (the agent) and instrument (the
 * options as system properties, for the offline-instrumented classes).
 */
public abstract class AbstractTestJvmMojo extends AbstractOptionsMojo {
    /** The property to prepend to: {@code argLine} is what Surefire and Failsafe read. */
    @Parameter(property = "unsafecheck.propertyName", defaultValue = "argLine")
    String propertyName;

    /** Skipped, the property is still defined (empty when nothing else defines it) so that {@code @{argLine}} resolves. */
    @Override
    void whenSkipped() {
        new TestJvmProperty(project, propertyName).defineIfAbsent();
    }

    /** Puts the arguments in front of the property's value, and says what it became. */
    void prependToTestJvms(String args) {
        String value = new TestJvmProperty(project, propertyName).prepend(args);
        getLog().info(propertyName + " set to " + value);
    }
}
