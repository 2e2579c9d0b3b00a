package io.github.unsafecheck.maven;

import io.github.unsafecheck.runtime.config.Options;
import io.github.unsafecheck.runtime.report.FileErrors;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;

/**
 * The goals that put arguments into the test JVMs' command line: prepare-agent (the agent) and instrument (the
 * options as system properties, for the offline-instrumented classes).
 */
public abstract class AbstractTestJvmMojo extends AbstractOptionsMojo {
    /** The property to prepend to: {@code argLine} is what Surefire and Failsafe read. */
    @Parameter(property = "unsafecheck.propertyName", defaultValue = "argLine")
    String propertyName;

    /**
     * Keep the records of an earlier build in the report. Off by default: a stale violation from the last run must
     * not fail this one (the test JVMs append, so that all of them share the report of one build).
     */
    @Parameter(property = "unsafecheck.append", defaultValue = "false")
    boolean append;

    /** Skipped, the property is still defined (empty when nothing else defines it) so that {@code @{argLine}} resolves. */
    @Override
    void whenSkipped() {
        new TestJvmProperty(project, propertyName).defineIfAbsent();
    }

    /** Removes the report of an earlier build, unless {@code append}. */
    void removeStaleReport(Options options) throws MojoExecutionException {
        String path = options.reportPath();
        if (append || path == null) {
            return;
        }
        try {
            if (Files.deleteIfExists(Paths.get(path))) {
                getLog().info("Removed the report of an earlier build: " + path + " (append=true keeps it)");
            }
        } catch (IOException e) {
            throw new MojoExecutionException("unsafecheck: cannot remove the old report " + path + ": "
                    + FileErrors.describe(e), e);
        }
    }

    /** Puts the arguments in front of the property's value, and says what it became. */
    void prependToTestJvms(String args) {
        String value = new TestJvmProperty(project, propertyName).prepend(args);
        getLog().info(propertyName + " set to " + value);
    }
}
