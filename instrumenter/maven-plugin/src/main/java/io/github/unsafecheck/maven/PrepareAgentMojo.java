package io.github.unsafecheck.maven;

import io.github.unsafecheck.runtime.config.Options;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;

/**
 * Puts {@code -javaagent:<unsafecheck-agent.jar>=<options>} in front of the property the test plugins read
 * ({@code argLine}), so that every test JVM (Surefire and Failsafe both read {@code argLine}) runs under the checker.
 * The agent jar is the one this plugin depends on, so agent and plugin versions always match.
 */
@Mojo(name = "prepare-agent", defaultPhase = LifecyclePhase.INITIALIZE, threadSafe = true)
public class PrepareAgentMojo extends AbstractTestJvmMojo {
    static final String AGENT = "io.github.unsafecheck:unsafecheck-agent";

    /**
     * Keep the records of an earlier build in the report. Off by default: a stale violation from the last run must
     * not fail this one (the agent appends, so that all test JVMs of one build share the report).
     */
    @Parameter(property = "unsafecheck.append", defaultValue = "false")
    boolean append;

    @Override
    void run() throws MojoExecutionException {
        Options options = options();
        if (!append && options.reportPath() != null) {
            removeStaleReport(options.reportPath());
        }
        prependToTestJvms(JvmArguments.javaagent(agentJar(), options.toAgentArgs()));
        for (String problem : ArgLineWiring.problems(project, propertyName)) {
            getLog().warn(problem);
        }
    }

    private File agentJar() throws MojoExecutionException {
        Artifact a = plugin.getArtifactMap().get(AGENT);
        if (a == null || a.getFile() == null || !a.getFile().isFile()) {
            throw new MojoExecutionException("unsafecheck: the agent jar (" + AGENT + ":" + plugin.getVersion()
                    + ") is missing from the plugin's dependencies; is the local repository complete?");
        }
        return a.getFile();
    }

    private void removeStaleReport(String path) throws MojoExecutionException {
        try {
            if (Files.deleteIfExists(Paths.get(path))) {
                getLog().info("Removed the report of an earlier build: " + path + " (append=true keeps it)");
            }
        } catch (IOException e) {
            throw new MojoExecutionException("unsafecheck: cannot remove the old report " + path + ": " + e, e);
        }
    }
}
