package io.github.unsafecheck.maven;

import org.apache.maven.artifact.Artifact;
import org.apache.maven.model.Plugin;
import org.apache.maven.project.MavenProject;

import java.util.ArrayList;
import java.util.List;

/**
 * Surefire and Failsafe before 2.22.0 run no JUnit 5 test (they have no JUnit Platform provider), and Maven 3.8's
 * default lifecycle binds Surefire 2.12.4: a project that pins neither runs its JUnit 5 tests not at all, and a build
 * that checks them passes. This finds that combination.
 */
final class TestPlugins {
    /** The first Surefire and Failsafe version with a JUnit Platform provider. */
    static final int[] JUNIT_PLATFORM_SINCE = {2, 22, 0};
    /** What to pin instead: the version this plugin is built and tested with. */
    static final String CURRENT = "3.5.4";

    private TestPlugins() {
    }

    /**
     * One message per test plugin of the project too old for the JUnit Platform that its test class path has;
     * empty when there is no such plugin or no JUnit Platform.
     */
    static List<String> tooOldForJUnitPlatform(MavenProject project) {
        List<String> out = new ArrayList<>();
        String junit = junitPlatform(project);
        if (junit == null) {
            return out;
        }
        for (String id : new String[] {TestReports.SUREFIRE, TestReports.FAILSAFE}) {
            Plugin p = project.getPlugin("org.apache.maven.plugins:" + id);
            if (p != null && p.getVersion() != null && olderThan(p.getVersion(), JUNIT_PLATFORM_SINCE)) {
                out.add(id + " " + p.getVersion() + " runs no JUnit 5 test (the JUnit Platform needs 2.22.0 or newer;"
                        + " this project has " + junit + "): its test JVMs start and run nothing. Pin the plugin:"
                        + " <plugin><artifactId>" + id + "</artifactId><version>" + CURRENT + "</version></plugin>");
            }
        }
        return out;
    }

    /** The first JUnit Platform (JUnit 5) artifact of the project's dependencies, {@code group:artifact}, or null. */
    static String junitPlatform(MavenProject project) {
        List<Object> candidates = new ArrayList<>();
        if (project.getArtifacts() != null) {
            candidates.addAll(project.getArtifacts());
        }
        candidates.addAll(project.getDependencies());
        for (Object c : candidates) {
            String group = c instanceof Artifact ? ((Artifact) c).getGroupId()
                    : ((org.apache.maven.model.Dependency) c).getGroupId();
            String artifact = c instanceof Artifact ? ((Artifact) c).getArtifactId()
                    : ((org.apache.maven.model.Dependency) c).getArtifactId();
            if ("org.junit.jupiter".equals(group) || "org.junit.platform".equals(group)) {
                return group + ":" + artifact;
            }
        }
        return null;
    }

    /** Pure: is a version such as {@code 2.12.4} or {@code 3.0.0-M5} older than {@code since}? */
    static boolean olderThan(String version, int[] since) {
        String[] parts = version.split("[.-]");
        for (int i = 0; i < since.length; i++) {
            int v;
            try {
                v = i < parts.length ? Integer.parseInt(parts[i]) : 0;
            } catch (NumberFormatException e) {
                return false; // not a plain number (a property, a range): no claim
            }
            if (v != since[i]) {
                return v < since[i];
            }
        }
        return false;
    }
}
