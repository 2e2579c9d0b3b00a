package io.github.unsafecheck.maven;

import io.github.unsafecheck.runtime.report.RunRecord;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The JVMs that ran under the checker, from the run records of the report(s): how many started, how many reached
 * their end (a start without an end was killed or crashed before exit), and what their end records counted.
 */
final class JvmRuns {
    int started;
    int ended;
    long sitesChecked;
    long allocationsTracked;

    /** The run records written since {@code since} (ms since the epoch; older ones come from an earlier build). */
    static JvmRuns of(List<Map<String, Object>> runRecords, long since) {
        JvmRuns runs = new JvmRuns();
        Map<Object, Integer> open = new HashMap<>();
        for (Map<String, Object> r : runRecords) {
            if (number(r, "time") < since) {
                continue;
            }
            Object pid = r.get("pid");
            if (RunRecord.START.equals(r.get(RunRecord.FIELD))) {
                runs.started++;
                open.merge(pid, 1, Integer::sum);
            } else if (RunRecord.END.equals(r.get(RunRecord.FIELD)) && open.getOrDefault(pid, 0) > 0) {
                open.merge(pid, -1, Integer::sum);
                runs.ended++;
                runs.sitesChecked += number(r, "sitesChecked");
                runs.allocationsTracked += number(r, "allocationsTracked");
            }
        }
        return runs;
    }

    private static long number(Map<String, Object> r, String field) {
        Object v = r.get(field);
        return v instanceof Number ? ((Number) v).longValue() : 0;
    }

    /** For the log: {@code 2 JVMs ran under the checker: 14 call sites checked, 3 native allocations tracked}. */
    String describe() {
        return ViolationSummary.plural(started, "JVM") + " ran under the checker: "
                + ViolationSummary.plural((int) sitesChecked, "call site") + " checked, "
                + ViolationSummary.plural((int) allocationsTracked, "native allocation") + " tracked"
                + (ended < started ? " (" + (started - ended) + " ended without an end record: killed or crashed?)"
                        : "");
    }
}
