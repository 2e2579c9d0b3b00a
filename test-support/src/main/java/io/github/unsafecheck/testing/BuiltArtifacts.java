package io.github.unsafecheck.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Where the build put the artifacts the end-to-end tests run: the agent jar and the runtime jar. The build passes
 * their paths as system properties; running from an IDE, they are found relative to the project root.
 */
public final class BuiltArtifacts {
    private BuiltArtifacts() {
    }

    /** {@code instrumenter/agent/target/unsafecheck-agent.jar}. */
    public static Path agentJar() {
        return locate("unsafecheck.agent.jar", "instrumenter/agent/target/unsafecheck-agent.jar");
    }

    private static Path locate(String property, String relative) {
        String p = System.getProperty(property);
        if (p != null) {
            return Paths.get(p);
        }
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(relative);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(relative + " not found: build it first (mvn package) or set -D" + property);
    }
}
