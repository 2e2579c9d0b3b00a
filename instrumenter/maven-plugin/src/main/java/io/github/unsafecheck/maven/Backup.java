package io.github.unsafecheck.maven;

import org.apache.maven.project.MavenProject;

import java.io.File;
import java.nio.file.Path;

/**
 * Where {@code instrument} keeps the original class files and {@code restore-instrumented-classes} takes them from:
 * {@code target/generated-classes/unsafecheck/classes} (and {@code …/test-classes}), as JaCoCo keeps its originals in
 * {@code target/generated-classes/jacoco}.
 */
final class Backup {
    private Backup() {
    }

    static Path root(MavenProject project) {
        return new File(project.getBuild().getDirectory(), "generated-classes/unsafecheck").toPath();
    }

    /** The backup directory of one classes directory, named after it. */
    static Path of(MavenProject project, Path classesDirectory) {
        return root(project).resolve(classesDirectory.getFileName().toString());
    }
}
