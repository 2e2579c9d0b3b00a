package io.github.unsafecheck.maven;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code check}'s second question, after "were there violations?": did the tests run under the checker at all, and
 * did it check anything? An empty report means "no violations" only when JVMs ran under the checker and its checked
 * call sites ran in them. Each answer here is a message that says what happened and what to do; none means the run
 * can be trusted. Pure: the mojo gathers the evidence (run records, test reports, the project's configuration).
 */
final class UncheckedRuns {
    private UncheckedRuns() {
    }

    /**
     * @param runs the JVMs that ran under the checker in this build
     * @param testsRun plugin → tests its reports count in this build
     * @param wiring test plugin configurations that drop the agent's property
     * @param tooOld test plugins too old for the project's JUnit Platform, as messages
     */
    static List<String> problems(JvmRuns runs, Map<String, Integer> testsRun, List<ArgLineWiring.Problem> wiring,
            List<String> tooOld, String propertyName) {
        List<String> out = new ArrayList<>();
        for (ArgLineWiring.Problem p : wiring) {
            Integer tests = testsRun.get(p.plugin);
            if (tests != null) {
                out.add(p.plugin + " ran " + ViolationSummary.plural(tests, "test") + " without the checker: its"
                        + " <argLine>" + p.argLine + "</argLine> replaces the " + propertyName + " property that"
                        + " prepare-agent set. Write <argLine>@{" + propertyName + "} " + p.argLine + "</argLine>.");
            }
        }
        if (runs.started == 0 && !testsRun.isEmpty() && out.isEmpty()) {
            int tests = 0;
            for (int n : testsRun.values()) {
                tests += n;
            }
            out.add(ViolationSummary.plural(tests, "test") + " ran in this build (" + String.join(", ",
                    testsRun.keySet()) + "), but no JVM started the checker. With prepare-agent, the test JVMs did not"
                    + " get its -javaagent: look for an <argLine> without @{" + propertyName + "}, forkCount 0 (tests"
                    + " in Maven's own JVM), or a report path that differs between prepare-agent and check. With"
                    + " instrument, no instrumented class ran.");
        }
        if (runs.started > 0 && runs.ended == runs.started && runs.sitesChecked == 0) {
            StringBuilder sb = new StringBuilder(ViolationSummary.plural(runs.started, "JVM")).append(
                    " ran under the checker, but no checked call site ran in ").append(runs.started == 1 ? "it" : "them")
                    .append(": this build checked nothing. ");
            if (!tooOld.isEmpty()) {
                sb.append(String.join(" ", tooOld));
            } else {
                sb.append("Did the tests run (see Tests run:)? Do they reach the code that writes native memory"
                        + " through Unsafe or MemorySegment, and do include/exclude leave it rewritten?");
            }
            out.add(sb.toString());
        }
        return out;
    }
}
