package io.github.unsafecheck.maven;

import io.github.unsafecheck.runtime.config.OptionException;
import io.github.unsafecheck.runtime.config.Options;
import net.bytebuddy.dynamic.ClassFileLocator;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Offline instrumentation: rewrites the classes in {@code target/classes} (or, with {@code testClasses}, in
 * {@code target/test-classes}) in place, with the agent's own rewrite table, and keeps the originals in
 * {@code target/generated-classes/unsafecheck/} for {@code restore-instrumented-classes}. The rewritten classes run
 * without the agent, with only {@code unsafecheck-runtime} on the class path, and read their options from
 * {@code unsafecheck.*} system properties: this goal puts the given options, as such properties, in front of
 * {@code argLine} for the test JVMs.
 */
@Mojo(name = "instrument", defaultPhase = LifecyclePhase.PROCESS_CLASSES,
        requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
public class InstrumentMojo extends AbstractTestJvmMojo {
    /** Instrument {@code target/test-classes} instead of {@code target/classes} (bind to process-test-classes). */
    @Parameter(defaultValue = "false")
    boolean testClasses;

    @Override
    void run() throws MojoExecutionException {
        Options options = options();
        removeStaleReport(options);
        File dir = new File(testClasses ? project.getBuild().getTestOutputDirectory()
                : project.getBuild().getOutputDirectory());
        if (dir.isDirectory()) {
            instrument(options, dir.toPath());
        } else {
            getLog().info("unsafecheck: no classes to instrument in " + dir);
        }
        // Offline code has no agent arguments: the options reach the test JVMs as unsafecheck.* system properties.
        prependToTestJvms(JvmArguments.systemProperties(options.given()) + " " + JvmArguments.EXPORT_INTERNAL_UNSAFE);
    }

    private void instrument(Options options, Path classes) throws MojoExecutionException {
        try (ClassFileLocator classPath = ClassPathLocator.of(classPathFiles())) {
            OfflineInstrumenter instrumenter = OfflineInstrumenter.of(options, classPath);
            ClassDirectoryInstrumentation directory = new ClassDirectoryInstrumentation(classes,
                    Backup.of(project, classes), instrumenter);
            ClassDirectoryInstrumentation.Plan plan = directory.plan(getLog());
            if (!plan.files.isEmpty()) {
                requireRuntime(plan.files.size());
            }
            directory.apply(plan);
            getLog().info("unsafecheck: " + plan.tally.describe() + " in " + classes + "; originals in "
                    + Backup.of(project, classes));
            // The test classes' run does not see the main classes: only the main classes' run says what it missed.
            for (String declared : testClasses ? java.util.List.<String>of() : instrumenter.declaredButNotSeen()) {
                getLog().warn("unsafecheck: track names " + declared + ", which is not in " + classes
                        + ": offline, its functions are tracked only where instrument-dependencies instruments its jar "
                        + "(the agent tracks them wherever the class is)");
            }
            instrumenter.writeCoverage(options);
        } catch (OptionException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("unsafecheck: cannot instrument " + classes + ": " + e, e);
        }
    }

    private void requireRuntime(int classes) throws MojoExecutionException {
        Artifact runtime = RuntimeDependency.find(project.getArtifacts());
        if (runtime == null) {
            throw new MojoExecutionException(RuntimeDependency.missing(plugin.getVersion(), "test", classes));
        }
        if (!plugin.getVersion().equals(runtime.getVersion())) {
            getLog().warn("unsafecheck: the project has " + RuntimeDependency.KEY + ":" + runtime.getVersion()
                    + " but the plugin instruments for " + plugin.getVersion() + "; use the same version for both");
        }
    }

    private List<File> classPathFiles() throws MojoExecutionException {
        List<File> out = new ArrayList<>();
        try {
            for (String e : project.getTestClasspathElements()) {
                out.add(new File(e));
            }
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("unsafecheck: the test class path is not resolved: " + e, e);
        }
        return out;
    }
}
