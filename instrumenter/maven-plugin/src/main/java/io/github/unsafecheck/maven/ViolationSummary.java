package io.github.unsafecheck.maven;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The violations of a build grouped by rule, then by site, as {@code check} prints them. The same site can appear
 * once per test JVM (each JVM reports a site once): such records count together.
 */
final class ViolationSummary {
    private final Map<String, Map<String, List<ReportRecord>>> byRule = new TreeMap<>();
    private int total;

    ViolationSummary(List<ReportRecord> records) {
        for (ReportRecord r : records) {
            byRule.computeIfAbsent(r.rule, k -> new LinkedHashMap<>())
                    .computeIfAbsent(r.site == null ? "(unknown site)" : r.site, k -> new ArrayList<>()).add(r);
            total++;
        }
    }

    int total() {
        return total;
    }

    /** The records of the rules that fail the build; every rule when {@code failOn} is empty. */
    int failing(Set<String> failOn) {
        int n = 0;
        for (Map.Entry<String, Map<String, List<ReportRecord>>> e : byRule.entrySet()) {
            if (failOn.isEmpty() || failOn.contains(e.getKey())) {
                for (List<ReportRecord> site : e.getValue().values()) {
                    n += site.size();
                }
            }
        }
        return n;
    }

    Set<String> rules() {
        return byRule.keySet();
    }

    /** The lines for one rule: a heading, then one line per site with what was written where. */
    List<String> lines(String rule) {
        Map<String, List<ReportRecord>> sites = byRule.get(rule);
        List<String> out = new ArrayList<>();
        int records = 0;
        for (List<ReportRecord> l : sites.values()) {
            records += l.size();
        }
        out.add(rule + ": " + plural(records, "violation") + " at " + plural(sites.size(), "site"));
        for (Map.Entry<String, List<ReportRecord>> e : sites.entrySet()) {
            ReportRecord first = e.getValue().get(0);
            StringBuilder sb = new StringBuilder("    at ").append(e.getKey()).append(": ").append(first.op);
            if (first.value != null) {
                sb.append(" of ").append(first.value);
            }
            sb.append(" to ").append(first.dst);
            if (first.dstKind != null) {
                sb.append(" (").append(first.dstKind).append(" memory)");
            }
            if (first.skipped) {
                sb.append(", skipped");
            }
            if (e.getValue().size() > 1) {
                sb.append(", ").append(e.getValue().size()).append(" records");
            }
            out.add(sb.toString());
        }
        return out;
    }

    static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
