package io.github.unsafecheck.runtime;

import io.github.unsafecheck.runtime.blocks.Allocations;
import io.github.unsafecheck.runtime.check.CheckedSites;
import io.github.unsafecheck.runtime.check.SiteCache;
import io.github.unsafecheck.runtime.config.Option;
import io.github.unsafecheck.runtime.config.OptionException;
import io.github.unsafecheck.runtime.config.Options;
import io.github.unsafecheck.runtime.config.Rule;
import io.github.unsafecheck.runtime.heap.HeapLayout;
import io.github.unsafecheck.runtime.heap.HeapRanges;
import io.github.unsafecheck.runtime.report.InstrumentationCensus;
import io.github.unsafecheck.runtime.report.JsonLinesFile;
import io.github.unsafecheck.runtime.report.LeakSummary;
import io.github.unsafecheck.runtime.report.Reporter;
import io.github.unsafecheck.runtime.report.RunCounts;
import io.github.unsafecheck.runtime.report.RunRecord;

import java.io.PrintStream;

/**
 * Starts the checker once per JVM: from the agent's premain with its parsed options, or — for offline-instrumented
 * classes, which run without an agent — from the {@code unsafecheck.*} system properties the first time a rewritten
 * call site runs.
 */
public final class UnsafeCheckRuntime {
    private static volatile Reporter reporter;
    private static volatile Options options;
    private static volatile InstrumentationCensus census;
    private static volatile Boolean configured;

    private UnsafeCheckRuntime() {
    }

    /**
     * Starts with these options: opens the report and writes the run's start record to it, finds the heap ranges,
     * installs the exit summary. {@code version}: unsafecheck's version, for the start record (null if unknown).
     * Throws {@link OptionException} (message ready to print) when the report file cannot be written.
     */
    public static synchronized void start(Options opts, String startedBy, String version) {
        if (reporter != null) {
            return;
        }
        PrintStream err = System.err;
        JsonLinesFile report = opts.reportPath() == null ? null : JsonLinesFile.open(opts.reportPath(), "report");
        if (report != null) {
            report.append(RunRecord.start(version, startedBy, opts.effective()));
        }
        HeapLayout heap = HeapRanges.layout();
        Reporter r = new Reporter(opts.mode(), opts.rules(), report, err);
        Allocations.install(opts.redzone(), opts.quarantine(), opts.stacks());
        Allocations.onNewContainer(new SiteCache.Eviction()); // a class, not a method reference: nothing to spin
        Runtime.getRuntime().addShutdownHook(new Thread(new ExitSummary(r, report, opts, err), "unsafecheck-summary"));
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

    /**
     * What the instrumenter did, for the end record: set by the agent once its transformer is in place. Offline-
     * instrumented code has none.
     */
    public static void census(InstrumentationCensus c) {
        census = c;
    }

    /** This JVM's counts so far: what was rewritten, checked and found. */
    public static RunCounts counts() {
        InstrumentationCensus c = census;
        Reporter r = reporter;
        return new RunCounts(c == null ? -1 : c.sitesRewritten(), c == null ? -1 : c.classesTransformed(),
                Allocations.get().allocationsTracked(), CheckedSites.count(), r == null ? 0 : r.total());
    }

    /**
     * At exit: the summary line of the violations, or one line saying what was checked when nothing was found; the
     * run's end record; the leak list. A class, not a lambda: nothing to spin at start-up.
     */
    private static final class ExitSummary implements Runnable {
        private final Reporter reporter;
        private final JsonLinesFile report;
        private final Options options;
        private final PrintStream err;

        ExitSummary(Reporter reporter, JsonLinesFile report, Options options, PrintStream err) {
            this.reporter = reporter;
            this.report = report;
            this.options = options;
            this.err = err;
        }

        @Override
        public void run() {
            RunCounts counts = counts();
            String summary = reporter.summary();
            err.println(summary != null ? summary
                    : RunRecord.cleanExitLine(counts, options.mode(), report == null ? null : report.path()));
            if (report != null) {
                report.append(RunRecord.end(counts));
            }
            if (options.leaks()) {
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

    /**
     * For the public API's calls, which must do nothing in a program run without the checker: starts it from the
     * system properties if any {@code unsafecheck.<option>} property is set (offline instrumentation sets them), and
     * says whether it runs. Without an agent and without properties it stays off: later calls cost a property scan
     * only until the answer is known once.
     */
    public static boolean startIfConfigured() {
        if (reporter != null) {
            return true;
        }
        Boolean known = configured;
        if (known == null) {
            boolean any = false;
            for (String name : System.getProperties().stringPropertyNames()) {
                if (name.startsWith(Option.PROPERTY_PREFIX)
                        && Option.byKey(name.substring(Option.PROPERTY_PREFIX.length())) != null) {
                    any = true;
                    break;
                }
            }
            configured = known = any;
        }
        if (known) {
            reporter();
        }
        return known;
    }

    private static synchronized Reporter startFromSystemProperties() {
        if (reporter == null) {
            try {
                start(Options.parse(null, System.getProperties()), "system properties",
                        UnsafeCheckRuntime.class.getPackage().getImplementationVersion());
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
