package io.github.unsafecheck.maven;

import io.github.unsafecheck.runtime.config.Lists;
import io.github.unsafecheck.runtime.config.Rule;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the report(s) the test JVMs wrote and fails the build when they hold violations, listing them by rule and by
 * site ({@code Class.method(File.java:line)}), so the log points at the line that wrote.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractUnsafeCheckMojo {
    /** The report prepare-agent and instrument point the test JVMs at (same parameter, same default). */
    @Parameter(property = "unsafecheck.report", defaultValue = ReportDefaults.REPORT)
    String report;

    /** More reports to read, e.g. of JVMs started outside Surefire and Failsafe. */
    @Parameter
    List<File> additionalReports;

    /** The rules whose violations fail the build, separated by {@code :}; empty = every rule. Others are listed. */
    @Parameter(property = "unsafecheck.failOnRules")
    String failOnRules;

    /** {@code false}: list the violations without failing the build. */
    @Parameter(property = "unsafecheck.haltOnFailure", defaultValue = "true")
    boolean haltOnFailure;

    @Override
    void run() throws MojoExecutionException, MojoFailureException {
        Set<String> failOn = failOnRules();
        List<ReportRecord> records = new ArrayList<>();
        List<Path> read = new ArrayList<>();
        for (Path file : reports()) {
            if (!Files.exists(file)) {
                getLog().warn("unsafecheck: no report at " + file + ": no JVM of this build ran with the checker"
                        + " (tests skipped? a Surefire <argLine> without @{argLine}? report set elsewhere?)");
                continue;
            }
            try {
                records.addAll(ReportFile.read(file));
            } catch (IOException e) {
                throw new MojoExecutionException(e.getMessage(), e);
            }
            read.add(file);
        }
        if (read.isEmpty()) {
            return;
        }
        ViolationSummary summary = new ViolationSummary(records);
        if (summary.total() == 0) {
            getLog().info("unsafecheck: no violations in " + describe(read));
            return;
        }
        int failing = summary.failing(failOn);
        String headline = "unsafecheck: " + ViolationSummary.plural(summary.total(), "violation") + " in "
                + describe(read);
        log(failing > 0, headline);
        for (String rule : summary.rules()) {
            boolean fails = failOn.isEmpty() || failOn.contains(rule);
            for (String line : summary.lines(rule)) {
                log(fails, line);
            }
        }
        if (failing > 0 && haltOnFailure) {
            throw new MojoFailureException(headline + " (" + failing + " of rules that fail the build"
                    + (failOn.isEmpty() ? "" : ": " + String.join(", ", failOn)) + "); see the list above");
        }
    }

    private void log(boolean error, String line) {
        if (error) {
            getLog().error(line);
        } else {
            getLog().warn(line);
        }
    }

    private List<Path> reports() {
        List<Path> out = new ArrayList<>();
        out.add(new File(absolute(report)).toPath());
        if (additionalReports != null) {
            for (File f : additionalReports) {
                out.add(f.toPath());
            }
        }
        return out;
    }

    private Set<String> failOnRules() throws MojoExecutionException {
        Set<String> out = new LinkedHashSet<>();
        for (String id : Lists.split(failOnRules)) {
            if (Rule.byId(id) == null) {
                List<String> known = new ArrayList<>();
                for (Rule r : Rule.values()) {
                    known.add(r.id());
                }
                throw new MojoExecutionException("unsafecheck: bad value '" + failOnRules + "' for parameter"
                        + " 'failOnRules'; unknown rule '" + id + "'; known rules: " + String.join(", ", known));
            }
            out.add(id);
        }
        return out;
    }

    private static String describe(List<Path> files) {
        List<String> names = new ArrayList<>();
        for (Path p : files) {
            names.add(p.toString());
        }
        return String.join(", ", names);
    }
}
