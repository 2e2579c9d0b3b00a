package io.github.unsafecheck.samples.cases;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a run of a case reported, against what the case's marks expect — the table's only judge, kept free of JVMs
 * so that a unit test can show it failing. Line by line: every mark must be reported at exactly its line with
 * exactly its rule, and nothing may be reported that is not marked (a report in another file, a thread of the JDK
 * or at an unmarked line is a false positive). And the run must end the way its mode says.
 */
final class Verdict {
    private static final Pattern SITE = Pattern.compile("\\(([^():]+):(\\d+)\\)$");
    static final String UNCAUGHT = "Exception in thread \"main\" io.github.unsafecheck.runtime.UnsafeWriteError";
    static final String CRASH = "A fatal error has been detected by the Java Runtime Environment";

    private Verdict() {
    }

    /**
     * Everything wrong with a run: the comparison, the way it ended, and its run records. Empty when the case passes.
     */
    static List<String> problems(CaseSource c, String mode, int exit, String output, List<Map<String, Object>> records,
            List<Map<String, Object>> runRecords) {
        List<String> out = new ArrayList<>(compare(c, records));
        List<String> ending = ending(c, mode, exit, output);
        out.addAll(ending);
        if (ending.isEmpty()) {
            out.addAll(runRecords(records, runRecords));
        }
        return out;
    }

    /**
     * The JVM's start and end records: one of each, of the same JVM, the end counting at least the violations
     * recorded. (Not that something was checked: a good twin may write only into the heap, which is the GC's business
     * and needs no check.)
     */
    static List<String> runRecords(List<Map<String, Object>> records, List<Map<String, Object>> runRecords) {
        List<String> out = new ArrayList<>();
        List<Map<String, Object>> starts = new ArrayList<>();
        List<Map<String, Object>> ends = new ArrayList<>();
        for (Map<String, Object> r : runRecords) {
            ("start".equals(r.get("record")) ? starts : ends).add(r);
        }
        if (starts.size() != 1 || ends.size() != 1) {
            out.add("expected one start and one end record, the report has " + starts.size() + " and " + ends.size());
            return out;
        }
        Map<String, Object> end = ends.get(0);
        if (!Objects.equals(starts.get(0).get("pid"), end.get("pid"))) {
            out.add("start and end records of different JVMs: " + runRecords);
        }
        if (!end.containsKey("sitesChecked") || !end.containsKey("allocationsTracked")) {
            out.add("the end record lacks its counts: " + end);
        }
        if (number(end, "violations") < records.size()) {
            out.add("the end record counts " + end.get("violations") + " violations, the report holds "
                    + records.size());
        }
        return out;
    }

    private static long number(Map<String, Object> record, String field) {
        Object v = record.get(field);
        return v instanceof Number ? ((Number) v).longValue() : 0;
    }

    /** The marks against the records, line by line. */
    static List<String> compare(CaseSource c, List<Map<String, Object>> records) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<Integer, String> mark : c.marks.entrySet()) {
            Set<String> there = new LinkedHashSet<>();
            for (Map<String, Object> r : records) {
                if (mark.getKey().equals(lineIn(c, r))) {
                    there.add(String.valueOf(r.get("rule")));
                }
            }
            if (!there.contains(mark.getValue())) {
                out.add(c.fileName + ":" + mark.getKey() + " expects " + mark.getValue() + ", but "
                        + (there.isEmpty() ? "nothing was reported there" : "the report says " + there));
            }
        }
        Set<String> unexpected = new LinkedHashSet<>();
        for (Map<String, Object> r : records) {
            Integer line = lineIn(c, r);
            if (line == null || !Objects.equals(c.marks.get(line), r.get("rule"))) {
                unexpected.add("unmarked " + r.get("rule") + " at " + r.get("site") + " (" + r.get("op") + ", thread "
                        + r.get("thread") + ")");
            }
        }
        out.addAll(unexpected);
        return out;
    }

    /**
     * A run never crashes; in report mode it runs to its end; in throw mode it may end with the UnsafeWriteError a
     * mark threw, and with nothing else.
     */
    static List<String> ending(CaseSource c, String mode, int exit, String output) {
        List<String> out = new ArrayList<>();
        if (output.contains(CRASH)) {
            out.add("the JVM crashed");
        } else if (exit != 0) {
            boolean stoppedByMark = mode.equals("throw") && !c.expectsNothing() && exit == 1 && output.contains(UNCAUGHT);
            if (!stoppedByMark) {
                out.add("exit status " + exit + (mode.equals("throw")
                        ? ": only an UnsafeWriteError thrown at a mark may end a case early"
                        : ": in report mode a case runs to its end"));
            }
        }
        return out;
    }

    /**
     * The line of the case's own source a record names: its site; or, when the write or free was made inside a
     * library the case called (LWJGL's {@code memPutLong}, JNA's {@code Pointer.setLong}, a hooked {@code free}),
     * the case's first frame on the record's stack. Null when the case's code is nowhere on it.
     */
    private static Integer lineIn(CaseSource c, Map<String, Object> record) {
        Integer line = lineOf(c, String.valueOf(record.get("site")));
        if (line != null) {
            return line;
        }
        Object stack = record.get("stack");
        if (stack instanceof List) {
            for (Object frame : (List<?>) stack) {
                line = lineOf(c, String.valueOf(frame));
                if (line != null) {
                    return line;
                }
            }
        }
        return null;
    }

    private static Integer lineOf(CaseSource c, String frame) {
        Matcher m = SITE.matcher(frame);
        return m.find() && m.group(1).equals(c.fileName) ? Integer.valueOf(m.group(2)) : null;
    }
}
