package io.github.unsafecheck.agent;

import io.github.unsafecheck.instrumenter.AllocatorMethods;
import io.github.unsafecheck.instrumenter.ClassFileVersions;
import io.github.unsafecheck.instrumenter.ClassInstrumenter;
import io.github.unsafecheck.instrumenter.ClassScope;
import io.github.unsafecheck.instrumenter.CoverageRecorder;
import io.github.unsafecheck.instrumenter.hooks.LibraryHooks;
import io.github.unsafecheck.runtime.UnsafeCheckRuntime;
import io.github.unsafecheck.runtime.config.OptionException;
import io.github.unsafecheck.runtime.config.Options;
import io.github.unsafecheck.runtime.report.InstrumentationCensus;
import io.github.unsafecheck.runtime.report.JsonLinesFile;

import java.lang.instrument.Instrumentation;

/**
 * Everything premain does once the runtime is loadable, in this order: parse the options (strictly), let the
 * runtime read HotSpot's structures without JDK warnings, start the checker (report file, heap ranges, exit
 * summary), then register the call-site transformer, the library hooks (LWJGL, JNA, FFM's linker, {@code track=};
 * woven with Byte Buddy only when such a class loads) and, only when {@code allocators=} names methods, the Byte Buddy
 * advice of allocator context (Byte Buddy's warm-up stays off the start-up path otherwise).
 */
final class AgentInstaller {
    private AgentInstaller() {
    }

    /** Writes the coverage report at exit (a class, not a lambda: nothing to spin in premain). */
    private static final class CoverageAtExit implements Runnable {
        private final CoverageRecorder coverage;
        private final JsonLinesFile file;

        CoverageAtExit(CoverageRecorder coverage, JsonLinesFile file) {
            this.coverage = coverage;
            this.file = file;
        }

        @Override
        public void run() {
            coverage.writeTo(file);
        }
    }

    /** The instrumenter's counts, for the run's end record. */
    private static final class CoverageCensus implements InstrumentationCensus {
        private final CoverageRecorder coverage;

        CoverageCensus(CoverageRecorder coverage) {
            this.coverage = coverage;
        }

        @Override
        public long sitesRewritten() {
            return coverage.rewritten();
        }

        @Override
        public long classesTransformed() {
            return coverage.classesRewritten();
        }
    }

    static void install(String args, Instrumentation inst, boolean lateAttach) {
        Options options;
        JsonLinesFile coverageFile;
        try {
            options = Options.parse(args, System.getProperties());
            InternalAccess.exportToRuntime(inst);
            // Every file first: once the runtime has started, its exit line would follow the refusal to start.
            coverageFile = options.coveragePath() == null ? null
                    : JsonLinesFile.open(options.coveragePath(), "coverage");
            UnsafeCheckRuntime.start(options, lateAttach ? "agent, attached late" : "agent", AgentJar.version());
        } catch (OptionException e) {
            if (e.optionsHelp()) {
                StartFailure.badOption(e.getMessage());
            } else {
                StartFailure.stop(e.getMessage());
            }
            return;
        }
        String tooNew = ClassFileVersions.warningFor(Runtime.version().feature());
        if (tooNew != null) {
            System.err.println(tooNew);
        }
        CoverageRecorder coverage = new CoverageRecorder();
        ClassFilter filter = new ClassFilter(ClassScope.of(options));
        UnsafeCallTransformer transformer = new UnsafeCallTransformer(ClassInstrumenter.standard(options.dataStores()),
                filter, coverage);
        transformer.warmUp();
        UnsafeCheckRuntime.census(new CoverageCensus(coverage));
        inst.addTransformer(transformer, true);
        JdkAllocationClasses.retransformLoaded(inst);

        try {
            LibraryHooksInstaller.install(inst, LibraryHooks.of(options.tracked(), Runtime.version().feature()));
        } catch (OptionException e) {
            StartFailure.stop(e.getMessage());
            return;
        }

        AllocatorMethods allocators = new AllocatorMethods(options.allocators());
        if (!allocators.isEmpty()) {
            AllocatorWrapping.install(inst, allocators);
        }
        if (lateAttach) {
            LoadedClasses.retransform(inst, filter);
        }
        if (coverageFile != null) {
            Runtime.getRuntime().addShutdownHook(new Thread(new CoverageAtExit(coverage, coverageFile),
                    "unsafecheck-coverage"));
        }
    }
}
