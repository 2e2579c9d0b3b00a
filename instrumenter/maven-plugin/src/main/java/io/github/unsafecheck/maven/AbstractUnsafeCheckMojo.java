package io.github.unsafecheck.maven;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import java.io.File;

/** What every goal has: the project, and {@code skip}. */
public abstract class AbstractUnsafeCheckMojo extends AbstractMojo {
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    /** Skips the goal; prepare-agent then still defines its property (empty) so that {@code @{argLine}} resolves. */
    @Parameter(property = "unsafecheck.skip", defaultValue = "false")
    boolean skip;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping unsafecheck execution because property unsafecheck.skip is set.");
            whenSkipped();
            return;
        }
        run();
    }

    /** What a skipped goal still does (nothing, unless overridden). */
    void whenSkipped() {
    }

    abstract void run() throws MojoExecutionException, MojoFailureException;

    /** A path as given in a parameter, relative ones taken from the project's base directory (as Maven does). */
    String absolute(String path) {
        File f = new File(path);
        return f.isAbsolute() ? f.getPath() : new File(project.getBasedir(), path).getPath();
    }
}
