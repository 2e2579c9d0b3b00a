package io.github.unsafecheck.maven;

import io.github.unsafecheck.runtime.report.FileErrors;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Puts back the original class files that {@code instrument} kept, in {@code target/classes} and
 * {@code target/test-classes}, so that the packaged jar holds the classes as compiled. Bound to prepare-package by
 * default; bind it later (or leave it out) to package the instrumented classes instead.
 */
@Mojo(name = "restore-instrumented-classes", defaultPhase = LifecyclePhase.PREPARE_PACKAGE, threadSafe = true)
public class RestoreMojo extends AbstractUnsafeCheckMojo {
    @Override
    void run() throws MojoExecutionException {
        for (String dir : new String[] {project.getBuild().getOutputDirectory(),
                project.getBuild().getTestOutputDirectory()}) {
            Path classes = new File(dir).toPath();
            Path backup = Backup.of(project, classes);
            try {
                int n = ClassDirectoryInstrumentation.restore(backup, classes);
                if (n > 0) {
                    getLog().info("unsafecheck: restored " + n + (n == 1 ? " original class" : " original classes")
                            + " from " + backup + " to " + classes);
                }
            } catch (IOException e) {
                throw new MojoExecutionException("unsafecheck: cannot restore the classes of " + classes + " from "
                        + backup + ": " + FileErrors.describe(e), e);
            }
        }
    }
}
