package io.github.unsafecheck.runtime.report;

import io.github.unsafecheck.runtime.config.Mode;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The report's records that are not violations: each JVM appends a {@code start} record when the checker starts and
 * an {@code end} record at exit, both with a {@code "record"} field (violation records have none; they have a
 * {@code rule}). Without them an empty report could not tell "checked, nothing found" from "nothing ran under the
 * checker" (a test runner that ran no test, a test JVM that lost its {@code -javaagent}); with them a reader counts the
 * JVMs that ran and the call sites they checked. A start without an end is a JVM that was killed or crashed.
 */
public final class RunRecord {
    /** The field that marks a run record, and its two values. */
    public static final String FIELD = "record";
    public static final String START = "start";
    public static final String END = "end";

    private RunRecord() {
    }

    /**
     * The start record: which JVM (pid, JDK, the command it runs), which unsafecheck ({@code version}, how it was
     * started) and the effective options.
     */
    public static String start(String version, String startedBy, Map<String, String> options) {
        Map<String, Object> m = head(START);
        m.put("version", version);
        m.put("startedBy", startedBy);
        m.put("jdk", System.getProperty("java.runtime.version", System.getProperty("java.version")));
        m.put("vendor", System.getProperty("java.vendor"));
        m.put("command", System.getProperty("sun.java.command"));
        m.put("options", options);
        return json(m);
    }

    /** The end record: what the instrumenter rewrote (null when no agent ran), and what the checker checked and found. */
    public static String end(RunCounts c) {
        Map<String, Object> m = head(END);
        m.put("sitesRewritten", c.sitesRewritten < 0 ? null : c.sitesRewritten);
        m.put("classesTransformed", c.classesTransformed < 0 ? null : c.classesTransformed);
        m.put("allocationsTracked", c.allocationsTracked);
        m.put("sitesChecked", c.sitesChecked);
        m.put("violations", c.violations);
        return json(m);
    }

    /**
     * The exit line of a run that found nothing: what was checked, so that a clean run is told from one that checked
     * nothing at all. The summary of violations takes its place when there are any.
     */
    public static String cleanExitLine(RunCounts c, Mode mode, Path report) {
        StringBuilder sb = new StringBuilder("unsafecheck: no violations");
        if (c.checkedAnything()) {
            sb.append(" (").append(plural(c.sitesChecked, "call site")).append(" checked, ");
        } else {
            sb.append(", but no checked call site ran: nothing wrote native memory through a rewritten call site (");
        }
        sb.append(plural(c.allocationsTracked, "native allocation")).append(" tracked");
        sb.append("; mode=").append(mode.id());
        if (report != null) {
            sb.append(", report: ").append(report);
        }
        return sb.append(')').toString();
    }

    private static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static Map<String, Object> head(String kind) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(FIELD, kind);
        m.put("pid", ProcessHandle.current().pid());
        m.put("time", System.currentTimeMillis());
        return m;
    }

    private static String json(Map<String, Object> m) {
        StringBuilder sb = new StringBuilder(256);
        Json.object(sb, m);
        return sb.toString();
    }
}
