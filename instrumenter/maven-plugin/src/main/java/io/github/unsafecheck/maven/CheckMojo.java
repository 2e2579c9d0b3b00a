package io.github.unsafecheck.maven;

import io.github.unsafecheck.runtime.config.Lists;
import io.github.unsafecheck.runtime.config.Rule;
import org.apache.maven.execution.MavenSession;
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
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the report(s) the test JVMs wrote and fails the build when they hold violations, listing them by rule and by
 * site ({@code Class.method(File.java:line)}), so the log points at the line that wrote. It also fails when the tests
 * ran without the checker — a test JVM that lost the agent, or JVMs under the checker that checked nothing (a test
 * runner that ran no test) — because an empty report must not pass for a clean one: see {@link UncheckedRuns}.
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

    /**
     * Fail when the tests ran without the checker: a Surefire or Failsafe run whose JVMs lost the agent, or JVMs under
     * the checker in which no checked call site ran. {@code false} only warns. On by default: a warning in a green
     * build goes unread, and a checker that passes a build it did not check is worse than none.
     */
    @Parameter(property = "unsafecheck.failIfUnchecked", defaultValue = "true")
    boolean failIfUnchecked;

    /** The property prepare-agent sets (to name it in messages). */
    @Parameter(property = "unsafecheck.propertyName", defaultValue = "argLine")
    String propertyName;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    @Override
    void run() throws MojoExecutionException, MojoFailureException {
        Set<String> failOn = failOnRules();
        ReportFile.Contents contents = new ReportFile.Contents();
        List<Path> read = new ArrayList<>();
        for (Path file : reports()) {
            if (!Files.exists(file)) {
                continue;
            }
            try {
                contents.add(ReportFile.read(file));
            } catch (IOException e) {
                throw new MojoExecutionException(e.getMessage(), e);
            }
            read.add(file);
        }
        long since = buildStart();
        JvmRuns runs = JvmRuns.of(contents.runRecords, since);
        List<String> unchecked = UncheckedRuns.problems(runs, TestReports.testsRun(project, since),
                ArgLineWiring.problems(project, propertyName), TestPlugins.tooOldForJUnitPlatform(project),
                propertyName);
        if (runs.started > 0) {
            getLog().info("unsafecheck: " + runs.describe());
        }
        ViolationSummary summary = new ViolationSummary(contents.violations);
        int failing = summary.failing(failOn);
        if (summary.total() > 0) {
            listViolations(summary, failOn, read, failing);
        }
        boolean failsOnViolations = failing > 0 && haltOnFailure;
        for (String problem : unchecked) {
            log(failIfUnchecked && !failsOnViolations, "unsafecheck: " + problem);
        }
        if (failsOnViolations) {
            throw new MojoFailureException(failure(summary, failing, failOn, read));
        }
        if (!unchecked.isEmpty()) {
            if (failIfUnchecked) {
                throw new MojoFailureException("unsafecheck: " + unchecked.get(0)
                        + " (failIfUnchecked=false turns this into a warning)");
            }
            return;
        }
        if (read.isEmpty()) {
            getLog().warn("unsafecheck: no report at " + describe(reports()) + ": no JVM of this build ran with the"
                    + " checker, and no test reports of this build say tests ran (tests skipped?)");
        } else if (summary.total() == 0) {
            getLog().info("unsafecheck: no violations in " + describe(read));
        }
    }

    private void listViolations(ViolationSummary summary, Set<String> failOn, List<Path> read, int failing) {
        log(failing > 0, violationsHeadline(summary, read));
        for (String rule : summary.rules()) {
            boolean fails = failOn.isEmpty() || failOn.contains(rule);
            for (String line : summary.lines(rule)) {
                log(fails, line);
            }
        }
    }

    private static String violationsHeadline(ViolationSummary summary, List<Path> read) {
        return "unsafecheck: " + ViolationSummary.plural(summary.total(), "violation") + " in " + describe(read);
    }

    /**
     * The build's failure: {@code unsafecheck: 3 violations in …; see the list above}, and how many of them fail it
     * when {@code failOnRules} leaves some out ({@code , 2 of them of rules that fail the build (failOnRules: …)}).
     */
    static String failure(ViolationSummary summary, int failing, Set<String> failOn, List<Path> read) {
        String which = failing == summary.total() ? ""
                : ", " + failing + " of them of " + (failOn.size() == 1 ? "the rule that fails" : "rules that fail")
                        + " the build (failOnRules: " + String.join(", ", failOn) + ")";
        return violationsHeadline(summary, read) + which + "; see the list above";
    }

    /** When this build started: records and test reports older than that come from an earlier one. */
    private long buildStart() {
        Date start = session == null || session.getRequest() == null ? null : session.getRequest().getStartTime();
        return start == null ? 0 : start.getTime();
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
            Rule r = Rule.byId(id);
            if (r == null) {
                List<String> known = new ArrayList<>();
                for (Rule k : Rule.values()) {
                    known.add(k.id());
                }
                throw new MojoExecutionException("unsafecheck: bad value '" + failOnRules + "' for parameter"
                        + " 'failOnRules'; unknown rule '" + id + "'; known rules: " + String.join(", ", known));
            }
            out.add(r.id());
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
