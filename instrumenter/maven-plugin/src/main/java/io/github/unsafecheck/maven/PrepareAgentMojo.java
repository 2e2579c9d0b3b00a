package io.github.unsafecheck.maven;

import io.github.unsafecheck.runtime.config.Options;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import java.io.File;

/**
 * Puts {@code -javaagent:<unsafecheck-agent.jar>=<options>} in front of the property the test plugins read
 * ({@code argLine}), so that every test JVM (Surefire and Failsafe both read {@code argLine}) runs under the checker.
 * The agent jar is the one this plugin depends on, so agent and plugin versions always match. It warns about the
 * two ways the tests lose the checker that it can see from the POM: an {@code <argLine>} without {@code @{argLine}},
 * and a Surefire or Failsafe too old to run the project's JUnit 5 tests. It collects the test dependencies (no
 * download) to see the latter.
 */
@Mojo(name = "prepare-agent", defaultPhase = LifecyclePhase.INITIALIZE, threadSafe = true,
        requiresDependencyCollection = ResolutionScope.TEST)
public class PrepareAgentMojo extends AbstractTestJvmMojo {
    static final String AGENT = "io.github.unsafecheck:unsafecheck-agent";

    @Override
    void run() throws MojoExecutionException {
        Options options = options();
        removeStaleReport(options);
        prependToTestJvms(JvmArguments.javaagent(agentJar(), options.toAgentArgs()));
        for (ArgLineWiring.Problem problem : ArgLineWiring.problems(project, propertyName)) {
            getLog().warn(problem.message);
        }
        for (String tooOld : TestPlugins.tooOldForJUnitPlatform(project)) {
            getLog().warn("unsafecheck: " + tooOld);
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
}
