package io.github.unsafecheck.maven;

import io.github.unsafecheck.runtime.config.ClassNameGlob;
import io.github.unsafecheck.runtime.config.OptionException;
import io.github.unsafecheck.runtime.config.Options;
import net.bytebuddy.dynamic.ClassFileLocator;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Instruments third-party code: writes a copy of each runtime dependency jar into {@code outputDirectory}, its
 * classes rewritten like {@code instrument} rewrites the project's own (the originals in the local repository are
 * never touched), plus the runtime jar they need. Put that directory on the class path instead of the original jars
 * to run the application checked, without an agent: {@code java -cp app.jar:target/unsafecheck-dependencies/*}.
 */
@Mojo(name = "instrument-dependencies", defaultPhase = LifecyclePhase.PACKAGE,
        requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class InstrumentDependenciesMojo extends AbstractOptionsMojo {
    /**
     * The dependencies to instrument, as {@code groupId:artifactId} globs ({@code com.example:*}); empty = every
     * runtime dependency. The others are copied as they are, so the directory is a complete class path.
     */
    @Parameter
    List<String> dependencies;

    /** Where the instrumented jars go. */
    @Parameter(defaultValue = "${project.build.directory}/unsafecheck-dependencies")
    File outputDirectory;

    @Override
    void run() throws MojoExecutionException {
        Options options = options();
        List<Artifact> jars = new ArrayList<>();
        List<File> classPath = new ArrayList<>();
        for (Artifact a : project.getArtifacts()) {
            if (a.getArtifactHandler().isAddedToClasspath() && a.getFile() != null) {
                classPath.add(a.getFile());
                if (a.getFile().isFile() && a.getFile().getName().endsWith(".jar")) {
                    jars.add(a);
                } else {
                    getLog().warn("unsafecheck: " + a + " is not a jar (" + a.getFile()
                            + "), left out: run the build up to package");
                }
            }
        }
        Tally total = new Tally();
        try (ClassFileLocator locator = ClassPathLocator.of(classPath)) {
            OfflineInstrumenter instrumenter = OfflineInstrumenter.of(options, locator);
            JarInstrumentation jar = new JarInstrumentation(instrumenter);
            for (Artifact a : jars) {
                Path out = outputDirectory.toPath().resolve(a.getFile().getName());
                if (!selected(a)) {
                    Files.createDirectories(out.getParent());
                    Files.copy(a.getFile().toPath(), out, StandardCopyOption.REPLACE_EXISTING);
                    continue;
                }
                Tally t = jar.instrument(a.getFile().toPath(), out, getLog());
                getLog().info("unsafecheck: " + a.getGroupId() + ":" + a.getArtifactId() + ":" + a.getVersion() + ": "
                        + t.describe());
                total.add(t);
            }
            copyRuntimeUnlessPresent();
            instrumenter.writeCoverage(options);
        } catch (OptionException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("unsafecheck: cannot instrument the dependencies into " + outputDirectory
                    + ": " + e, e);
        }
        getLog().info("unsafecheck: dependencies: " + total.describe() + "; run with java "
                + JvmArguments.systemProperties(options.given()) + " -cp <your classes>" + File.pathSeparator
                + outputDirectory + File.separator + "* <main class>");
    }

    private boolean selected(Artifact a) {
        if (dependencies == null || dependencies.isEmpty()) {
            return true;
        }
        String key = a.getGroupId() + ":" + a.getArtifactId();
        for (String pattern : dependencies) {
            if (ClassNameGlob.of(pattern.trim()).matches(key)) {
                return true;
            }
        }
        return false;
    }

    /** The instrumented classes call the runtime: the plugin's own copy goes along when the project has none. */
    private void copyRuntimeUnlessPresent() throws IOException, MojoExecutionException {
        if (RuntimeDependency.find(project.getArtifacts()) != null) {
            return;
        }
        Artifact runtime = plugin.getArtifactMap().get(RuntimeDependency.KEY);
        if (runtime == null || runtime.getFile() == null) {
            throw new MojoExecutionException("unsafecheck: " + RuntimeDependency.KEY
                    + " is missing from the plugin's dependencies; is the local repository complete?");
        }
        Files.copy(runtime.getFile().toPath(), outputDirectory.toPath().resolve(runtime.getFile().getName()),
                StandardCopyOption.REPLACE_EXISTING);
    }
}
