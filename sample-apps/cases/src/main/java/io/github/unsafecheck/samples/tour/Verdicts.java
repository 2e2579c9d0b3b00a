package io.github.unsafecheck.samples.tour;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What the tour says about a run: a sentence after its output, and a cell of the summary table at the end. */
final class Verdicts {
    private Verdicts() {
    }

    static String without(Stop stop, Run r) {
        if (r.crashed()) {
            return "the JVM crashed (exit status " + r.exit + "): a SIGSEGV in the GC, an hs_err file, no hint of which"
                    + " line of Java did it.";
        }
        if (r.aborted()) {
            return "glibc aborted the whole JVM (SIGABRT, exit status " + r.exit + "): no Java stack trace, no hs_err"
                    + " file, nothing that names the line.";
        }
        if (r.exit != 0) {
            return "failed with exit status " + r.exit + ".";
        }
        return stop.buggy ? "finished normally: nothing noticed the bug — the data is silently wrong."
                : "finished normally.";
    }

    /** One line per report: what the checker stopped (or only reported), where, and what that saved. */
    static List<String> with(Run r) {
        List<String> out = new ArrayList<>();
        if (r.records.isEmpty()) {
            out.add(r.exit == 0 ? "no reports: correct code stays silent. (The line at exit says what was checked.)"
                    : "exit status " + r.exit + ".");
        }
        for (Run.Record rec : r.records) {
            if (!stops(rec)) {
                out.add("reported " + rec.rule + " at " + shortSite(rec.site) + ": the freed memory's address is"
                        + " still stored in live memory (nothing to stop yet: it is not used).");
            } else if (isFree(rec)) {
                out.add("stopped " + rec.rule + " at " + shortSite(rec.site) + ", before the free: it never reached"
                        + " malloc.");
            } else {
                out.add("stopped " + rec.rule + " at " + shortSite(rec.site) + ", before the write: the memory was"
                        + " never touched.");
            }
        }
        return out;
    }

    static String summaryWithout(Stop stop, Run r) {
        if (r.crashed()) {
            return "JVM crash (SIGSEGV)";
        }
        if (r.aborted()) {
            return "glibc abort (SIGABRT)";
        }
        if (r.exit != 0) {
            return "exit status " + r.exit;
        }
        return stop.buggy ? "silently wrong data" : "fine";
    }

    static String summaryWith(Run r) {
        if (r.records.isEmpty()) {
            return r.exit == 0 ? "silent" : "exit status " + r.exit;
        }
        Set<String> cells = new LinkedHashSet<>();
        for (Run.Record rec : r.records) {
            String file = rec.site.substring(rec.site.lastIndexOf('(') + 1, rec.site.length() - 1);
            cells.add((stops(rec) ? "stopped " : "reported ") + rec.rule + " (" + file + ")");
        }
        return String.join(", ", cells);
    }

    /** dangling-pointer only reports: the pointer has not been used yet. */
    private static boolean stops(Run.Record rec) {
        return !rec.rule.equals("dangling-pointer");
    }

    private static boolean isFree(Run.Record rec) {
        return rec.op.toLowerCase(java.util.Locale.ROOT).contains("free");
    }

    /** {@code pkg.Class.method(File.java:12)} without the package: {@code Class.method(File.java:12)}. */
    static String shortSite(String site) {
        int paren = site.indexOf('(');
        String head = paren < 0 ? site : site.substring(0, paren);
        int method = head.lastIndexOf('.');
        int type = method < 0 ? -1 : head.lastIndexOf('.', method - 1);
        return type < 0 ? site : site.substring(type + 1);
    }
}
