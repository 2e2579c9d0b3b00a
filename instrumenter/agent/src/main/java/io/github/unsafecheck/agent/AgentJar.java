package io.github.unsafecheck.agent;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.CodeSource;

/**
 * The agent's own jar: its real path, for every hint that tells the user to run it (a bare
 * {@code unsafecheck-agent.jar} fails when pasted anywhere but its directory), and its version, for the start record.
 */
final class AgentJar {
    private static final String NAME = "unsafecheck-agent.jar";

    private AgentJar() {
    }

    /** The absolute path of the jar this class was loaded from, or its file name if that cannot be known. */
    static String path() {
        try {
            CodeSource source = AgentJar.class.getProtectionDomain().getCodeSource();
            if (source != null && source.getLocation() != null) {
                Path p = Paths.get(source.getLocation().toURI()).toAbsolutePath();
                return p.toString();
            }
        } catch (URISyntaxException | RuntimeException e) {
            // no code source we can name: the bare file name is still the right hint
        }
        return NAME;
    }

    /** {@code Implementation-Version} of the jar's manifest, or null when run from classes (tests). */
    static String version() {
        Package p = AgentJar.class.getPackage();
        return p == null ? null : p.getImplementationVersion();
    }

    /** The path quoted for a shell when it needs it. */
    static String shellPath() {
        String p = path();
        return p.matches("[A-Za-z0-9_./:@%+=,-]+") ? p : "'" + p.replace("'", "'\\''") + "'";
    }
}
