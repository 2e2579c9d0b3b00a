package io.github.unsafecheck.runtime;

import io.github.unsafecheck.runtime.blocks.Allocations;
import io.github.unsafecheck.runtime.config.OptionException;
import io.github.unsafecheck.runtime.config.Options;
import io.github.unsafecheck.runtime.config.Rule;
import io.github.unsafecheck.runtime.heap.HeapLayout;
import io.github.unsafecheck.runtime.heap.HeapRanges;
import io.github.unsafecheck.runtime.report.JsonLinesFile;
import io.github.unsafecheck.runtime.report.LeakSummary;
import io.github.unsafecheck.runtime.report.Reporter;

import java.io.PrintStream;

/**
 * Starts the checker once per JVM: from the agent's premain with its parsed options, or — for offline-instrumented
 * classes, which run without an agent — from the {@code unsafecheck.*} system properties the first time a rewritten
 * call site runs.
 */
public final class UnsafeCheckRuntime {
    private static volatile Reporter reporter;
    private static volatile Options options;

    private UnsafeCheckRuntime() {
    }

    /**
     * Starts with these options: opens the report, finds the heap ranges, installs the exit summary. Throws
     * {@link OptionException} (message ready to print) when the report file cannot be written.
     */
    public static synchronized void start(Options opts, String startedBy) {
        if (reporter != null) {
            return;
        }
        PrintStream err = System.err;
        JsonLinesFile report = opts.reportPath() == null ? null : JsonLinesFile.open(opts.reportPath(), "report");
        HeapLayout heap = HeapRanges.layout();
        Reporter r = new Reporter(opts.mode(), opts.rules(), report, err);
        Allocations.install(opts.redzone(), opts.quarantine(), opts.stacks());
        Runtime.getRuntime().addShutdownHook(new Thread(new ExitSummary(r, opts.leaks(), err), "unsafecheck-summary"));
        if (!heap.isKnown() && opts.rules().contains(Rule.HEAP_POINTER)) {
            err.println("unsafecheck: cannot find the Java heap's address ranges on " + System.getProperty("java.vm.name")
                    + " " + System.getProperty("java.version") + " (" + heap.failure()
                    + "); the heap-pointer rule is off, heap-reference stays on");
        }
        if (opts.verbose()) {
            err.println("unsafecheck: active (" + startedBy + "): " + opts.effective());
            err.println("unsafecheck: Java heap " + heap.describe());
        }
        options = opts;
        reporter = r;
    }

    /** Prints the summary line (and the leak list) at exit. A class, not a lambda: nothing to spin at start-up. */
    private static final class ExitSummary implements Runnable {
        private final Reporter reporter;
        private final boolean leaks;
        private final PrintStream err;

        ExitSummary(Reporter reporter, boolean leaks, PrintStream err) {
            this.reporter = reporter;
            this.leaks = leaks;
            this.err = err;
        }

        @Override
        public void run() {
            String summary = reporter.summary();
            if (summary != null) {
                err.println(summary);
            }
            if (leaks) {
                String list = LeakSummary.of(Allocations.get().live());
                if (list != null) {
                    err.println(list);
                }
            }
        }
    }

    /** The reporter, starting from system properties if nothing started the checker yet. */
    public static Reporter reporter() {
        Reporter r = reporter;
        return r != null ? r : startFromSystemProperties();
    }

    /** The options in force, starting from system properties if needed. */
    public static Options options() {
        reporter();
        return options;
    }

    public static boolean isStarted() {
        return reporter != null;
    }

    private static synchronized Reporter startFromSystemProperties() {
        if (reporter == null) {
            try {
                start(Options.parse(null, System.getProperties()), "system properties");
            } catch (OptionException e) {
                // Offline-instrumented code has no premain to fail: stop here, as the agent would at start.
                System.err.println(e.getMessage());
                System.err.flush();
                Runtime.getRuntime().halt(2);
            }
        }
        return reporter;
    }
}
