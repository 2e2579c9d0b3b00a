package io.github.unsafecheck.maven;

/** Defaults shared by the goals that write and the goal that reads the report. */
final class ReportDefaults {
    /**
     * Where the test JVMs write violations unless {@code report} says otherwise. The agent's own default is no file;
     * a build wants one, for {@code check} to read.
     */
    static final String REPORT = "${project.build.directory}/unsafecheck-report.jsonl";

    private ReportDefaults() {
    }
}
