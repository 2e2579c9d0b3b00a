package io.github.unsafecheck.instrumenter;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;

import io.github.unsafecheck.runtime.config.DataStores;

import java.util.Collections;

/**
 * Rewrites one class file: the pre-filter, the census, then the rewrite. Shared by the agent (at class load) and the
 * offline instrumentation (Maven plugin); both get the same bytes for the same input.
 */
public final class ClassInstrumenter {
    private final RewriteTable table;
    private final ConstantPoolFilter filter;
    private final DataStores data;

    public ClassInstrumenter(RewriteTable table) {
        this(table, DataStores.none());
    }

    /** {@code data}: where untyped 64-bit stores are data (option {@code data}), checked by the memory rules only. */
    public ClassInstrumenter(RewriteTable table, DataStores data) {
        this.table = table;
        this.filter = new ConstantPoolFilter(RewriteTable.hookedOwners());
        this.data = data;
    }

    /** Everything, with the program's {@code data} declarations. */
    public static ClassInstrumenter standard(DataStores data) {
        return new ClassInstrumenter(RewriteTable.standard(), data);
    }

    public static ClassInstrumenter standard() {
        return new ClassInstrumenter(RewriteTable.standard());
    }

    /** For the JDK's own direct-buffer classes: allocations and frees only. */
    public static ClassInstrumenter allocationsOnly() {
        return new ClassInstrumenter(RewriteTable.allocationsOnly());
    }

    /** The outcome for one class. */
    public static final class Result {
        private final byte[] bytes;
        private final ClassCoverage coverage;

        Result(byte[] bytes, ClassCoverage coverage) {
            this.bytes = bytes;
            this.coverage = coverage;
        }

        /** The rewritten class, or null when it stays as it was. */
        public byte[] bytes() {
            return bytes;
        }

        /** What was found; null when the pre-filter ruled the class out without reading it. */
        public ClassCoverage coverage() {
            return coverage;
        }
    }

    private static final Result UNTOUCHED = new Result(null, null);

    /**
     * Rewrites {@code classFile}. Never throws for a class it cannot handle: the result then has no bytes (the class
     * stays unchanged) and a coverage entry saying why.
     */
    public Result instrument(String className, byte[] classFile) {
        if (!filter.mayReference(classFile)) {
            return UNTOUCHED;
        }
        CallSiteCensus census = new CallSiteCensus(table);
        try {
            ClassReader reader = new ClassReader(classFile);
            reader.accept(census, ClassReader.SKIP_FRAMES);
            if (!census.anyRewrite()) {
                return census.sites().isEmpty() ? UNTOUCHED
                        : new Result(null, new ClassCoverage(className, census.sites(), null));
            }
            ClassWriter writer = new ClassWriter(reader, 0);
            DataStores classData = data.mayCover(className) ? data : DataStores.none();
            reader.accept(new CallSiteRewriter(writer, table, census, className, classData), 0);
            return new Result(writer.toByteArray(), new ClassCoverage(className, census.sites(), null));
        } catch (RuntimeException | LinkageError e) {
            return new Result(null, ClassCoverage.failed(className,
                    census == null ? Collections.emptyList() : census.sites(), describe(e)));
        }
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
