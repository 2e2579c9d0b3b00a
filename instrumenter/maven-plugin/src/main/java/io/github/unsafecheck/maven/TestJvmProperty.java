package io.github.unsafecheck.maven;

import org.apache.maven.project.MavenProject;

/**
 * The project property that Surefire and Failsafe read their JVM arguments from ({@code argLine} unless
 * {@code propertyName} says otherwise). Ours go in front of whatever the user already put there, so a user's own
 * {@code argLine} keeps working.
 */
final class TestJvmProperty {
    private final MavenProject project;
    private final String name;

    TestJvmProperty(MavenProject project, String name) {
        this.project = project;
        this.name = name;
    }

    String name() {
        return name;
    }

    /** Puts {@code args} in front of the current value and returns the new value. */
    String prepend(String args) {
        String combined = combine(args, project.getProperties().getProperty(name));
        project.getProperties().setProperty(name, combined);
        return combined;
    }

    /** Defines the property as empty when nothing defines it, so that {@code @{argLine}} still resolves. */
    void defineIfAbsent() {
        if (project.getProperties().getProperty(name) == null) {
            project.getProperties().setProperty(name, "");
        }
    }

    /** Pure: our arguments first, then the old value; unchanged when they are already there (a goal run twice). */
    static String combine(String ours, String old) {
        if (old == null || old.trim().isEmpty()) {
            return ours;
        }
        if (old.startsWith(ours + " ") || old.equals(ours)) {
            return old;
        }
        return ours + " " + old.trim();
    }
}
