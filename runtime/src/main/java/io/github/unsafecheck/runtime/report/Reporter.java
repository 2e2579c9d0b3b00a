package io.github.unsafecheck.runtime.report;

import io.github.unsafecheck.runtime.config.Mode;
import io.github.unsafecheck.runtime.config.Rule;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Where violations go. Each site (rule + the first frame outside unsafecheck) is printed and recorded once; repeats
 * are counted, so a bad write in a hot loop costs one report, not a million. Every violation is counted. Safe to
 * call from any number of threads: counters are lock-free, the JSON file serializes its own appends.
 */
public final class Reporter {
    private static final int SITES_IN_SUMMARY = 20;

    private final Mode mode;
    private final Set<Rule> rules;
    private final JsonLinesFile report;
    private final PrintStream err;
    private final ConcurrentHashMap<String, AtomicLong> bySite = new ConcurrentHashMap<>();
    private final AtomicLongArray byRule = new AtomicLongArray(Rule.values().length);

    public Reporter(Mode mode, Set<Rule> rules, JsonLinesFile report, PrintStream err) {
        this.mode = mode;
        this.rules = rules;
        this.report = report;
        this.err = err;
    }

    public Mode mode() {
        return mode;
    }

    public boolean checks(Rule rule) {
        return rules.contains(rule);
    }

    /**
     * Counts the violation; unless the mode is {@code count}, the first at its site is also written to the report
     * and to stderr.
     */
    public void record(Violation v) {
        byRule.incrementAndGet(v.rule().ordinal());
        AtomicLong count = bySite.computeIfAbsent(v.rule().id() + " at " + v.site(), k -> new AtomicLong());
        if (count.getAndIncrement() > 0 || mode == Mode.COUNT) {
            return;
        }
        if (report != null) {
            report.append(v.json());
        }
        err.print(v.text(outcome(v)));
        err.flush();
    }

    private String outcome(Violation v) {
        if (v.isNotice()) {
            return "reported, nothing stopped: the pointer is not used yet; a write through it will be";
        }
        String what = v.isFree() ? "free" : "write";
        if (mode == Mode.THROW) {
            return "stopped: UnsafeWriteError thrown before the " + what + "; the memory is unchanged";
        }
        String later = "; later ones at this site are counted, not printed";
        if (v.skipped()) {
            return v.isFree() ? "skipped: the free never reached malloc (mode=" + mode.id() + ")" + later
                    : "skipped: a reference stored at a native address would crash HotSpot's GC (mode=" + mode.id()
                            + ")" + later;
        }
        return "the " + what + " went ahead (mode=" + mode.id() + ")" + later;
    }

    public long total() {
        long n = 0;
        for (int i = 0; i < byRule.length(); i++) {
            n += byRule.get(i);
        }
        return n;
    }

    public long count(Rule rule) {
        return byRule.get(rule.ordinal());
    }

    /**
     * The exit summary: one line, or null when nothing was found. In count mode, where nothing else was printed,
     * the busiest sites follow, one per line.
     */
    public String summary() {
        long total = total();
        if (total == 0) {
            return null;
        }
        StringBuilder sb = new StringBuilder("unsafecheck: ").append(total)
                .append(total == 1 ? " violation" : " violations").append(" at ").append(bySite.size())
                .append(bySite.size() == 1 ? " site (" : " sites (");
        boolean first = true;
        for (Rule r : Rule.values()) {
            long n = byRule.get(r.ordinal());
            if (n > 0) {
                sb.append(first ? "" : ", ").append(r.id()).append(": ").append(n);
                first = false;
            }
        }
        sb.append("), mode=").append(mode.id());
        if (report != null) {
            sb.append(", report: ").append(report.path());
        }
        if (mode == Mode.COUNT) {
            List<Map.Entry<String, AtomicLong>> sites = new ArrayList<>(bySite.entrySet());
            sites.sort((a, b) -> Long.compare(b.getValue().get(), a.getValue().get()));
            for (int i = 0; i < Math.min(SITES_IN_SUMMARY, sites.size()); i++) {
                sb.append("\n\t").append(sites.get(i).getValue().get()).append(" × ").append(sites.get(i).getKey());
            }
            if (sites.size() > SITES_IN_SUMMARY) {
                sb.append("\n\t… and ").append(sites.size() - SITES_IN_SUMMARY).append(" more sites");
            }
        }
        return sb.toString();
    }
}
