package io.github.unsafecheck.maven;

import org.apache.maven.artifact.Artifact;

import java.util.Collection;

/**
 * Offline-instrumented classes call {@code io.github.unsafecheck.runtime} and run without the agent, so the runtime
 * jar must be on their class path: for tests, as a test dependency of the project.
 */
final class RuntimeDependency {
    static final String GROUP = "io.github.unsafecheck";
    static final String ARTIFACT = "unsafecheck-runtime";
    static final String KEY = GROUP + ":" + ARTIFACT;

    private RuntimeDependency() {
    }

    /** The runtime among the artifacts, or null. */
    static Artifact find(Collection<Artifact> artifacts) {
        for (Artifact a : artifacts) {
            if (GROUP.equals(a.getGroupId()) && ARTIFACT.equals(a.getArtifactId())) {
                return a;
            }
        }
        return null;
    }

    /** What to tell a user whose project lacks it: the dependency to paste. */
    static String missing(String version, String scope, int classes) {
        return "unsafecheck: " + classes + " offline-instrumented class(es) call " + KEY + ", which is not a dependency"
                + " of this project, so they would fail with NoClassDefFoundError. Add it:\n"
                + "    <dependency>\n"
                + "      <groupId>" + GROUP + "</groupId>\n"
                + "      <artifactId>" + ARTIFACT + "</artifactId>\n"
                + "      <version>" + version + "</version>\n"
                + "      <scope>" + scope + "</scope>\n"
                + "    </dependency>\n"
                + "(scope runtime instead when the instrumented classes also run outside the tests)";
    }
}
