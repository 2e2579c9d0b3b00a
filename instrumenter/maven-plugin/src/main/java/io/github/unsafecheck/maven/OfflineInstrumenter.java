package io.github.unsafecheck.maven;

import io.github.unsafecheck.instrumenter.AllocatorMethods;
import io.github.unsafecheck.instrumenter.ClassCoverage;
import io.github.unsafecheck.instrumenter.ClassInstrumenter;
import io.github.unsafecheck.instrumenter.ClassScope;
import io.github.unsafecheck.instrumenter.ConstantPoolFilter;
import io.github.unsafecheck.instrumenter.CoverageRecorder;
import io.github.unsafecheck.instrumenter.RewriteTable;
import io.github.unsafecheck.runtime.config.DataStores;
import io.github.unsafecheck.runtime.config.OptionException;
import io.github.unsafecheck.runtime.config.Options;
import io.github.unsafecheck.runtime.report.JsonLinesFile;
import io.github.unsafecheck.instrumenter.hooks.LibraryHooks;
import net.bytebuddy.dynamic.ClassFileLocator;
import org.apache.maven.plugin.MojoExecutionException;
import org.objectweb.asm.ClassReader;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One class file in, its offline-instrumented form out: allocator advice (when the class declares allocators), then
 * the agent's own call-site rewrite ({@link ClassInstrumenter}, same table, same bytes), then the library hooks the
 * agent weaves as classes load ({@link LibraryHooks}: the {@code track} functions, LWJGL, JNA's {@code Pointer}; not
 * native methods, which only the agent can give a body). Used for {@code target/classes} and for dependency jars
 * alike. Never throws for a bad class: it stays unchanged and the outcome says why; a {@code track} entry that does
 * not fit its class is a bad option and throws {@link OptionException}.
 */
final class OfflineInstrumenter {
    private static final ConstantPoolFilter CALLS_HOOKS = new ConstantPoolFilter(RewriteTable.HOOKS);
    private static final int CONSTANT_CLASS = 7;

    private final ClassInstrumenter calls;
    private final ClassScope scope;
    private final AllocatorWeaver allocators;
    private final LibraryHooks hooks;
    private final ClassFileLocator classPath;
    private final Set<String> woven = new HashSet<>();
    private final CoverageRecorder coverage = new CoverageRecorder();

    OfflineInstrumenter(ClassScope scope, AllocatorWeaver allocators) {
        this(scope, allocators, DataStores.none(), LibraryHooks.of(List.of(), 17), ClassFileLocator.NoOp.INSTANCE);
    }

    OfflineInstrumenter(ClassScope scope, AllocatorWeaver allocators, DataStores data, LibraryHooks hooks,
            ClassFileLocator classPath) {
        this.scope = scope;
        this.allocators = allocators;
        this.calls = ClassInstrumenter.standard(data);
        this.hooks = hooks;
        this.classPath = classPath;
    }

    /** As the options say: include/exclude, data, allocators, track (their types looked up on {@code classPath}). */
    static OfflineInstrumenter of(Options options, ClassFileLocator classPath) {
        // No JDK class is woven offline: the JDK's linker is hooked by the agent only (17: no FFM hook at all). The
        // JDK's own types (the woven class's supertypes) come from the platform loader, as for the allocator advice.
        return new OfflineInstrumenter(ClassScope.of(options),
                new AllocatorWeaver(new AllocatorMethods(options.allocators()), classPath), options.dataStores(),
                LibraryHooks.of(options.tracked(), 17),
                new ClassFileLocator.Compound(classPath, ClassFileLocator.ForClassLoader.ofPlatformLoader()));
    }

    /** The classes a {@code track} entry names that no run of this instrumenter has seen. */
    List<String> declaredButNotSeen() {
        List<String> out = new ArrayList<>();
        for (String c : hooks.declaringClasses()) {
            if (!woven.contains(c)) {
                out.add(c);
            }
        }
        return out;
    }

    /** Writes what was instrumented to the {@code coverage} file, when the options name one. */
    void writeCoverage(Options options) throws MojoExecutionException {
        if (options.coveragePath() != null) {
            try {
                coverage.writeTo(JsonLinesFile.open(options.coveragePath(), "coverage"));
            } catch (OptionException e) {
                throw new MojoExecutionException(e.getMessage(), e);
            }
        }
    }

    /** What became of one class. */
    static final class Outcome {
        final byte[] bytes;
        final String failure;
        final int uncheckedSites;
        /** What the user should know although nothing failed (a library hook that could not be woven offline). */
        final List<String> notes;

        Outcome(byte[] bytes, String failure, int uncheckedSites) {
            this(bytes, failure, uncheckedSites, List.of());
        }

        Outcome(byte[] bytes, String failure, int uncheckedSites, List<String> notes) {
            this.bytes = bytes;
            this.failure = failure;
            this.uncheckedSites = uncheckedSites;
            this.notes = notes;
        }

        boolean changed() {
            return bytes != null;
        }
    }

    /**
     * A class that calls the hooks was rewritten already (by an earlier run): rewriting it again would check twice.
     * Strict, unlike the agent's pre-filter: a class file that cannot be read is not taken for instrumented (it then
     * fails to instrument, and says so).
     */
    static boolean isInstrumented(byte[] classFile) {
        if (isClassFile(classFile) && LibraryHooks.isWoven(classFile)) {
            return true;
        }
        if (!isClassFile(classFile) || !CALLS_HOOKS.mayReference(classFile)) {
            return false;
        }
        try {
            ClassReader r = new ClassReader(classFile);
            char[] buffer = new char[r.getMaxStringLength()];
            for (int i = 1; i < r.getItemCount(); i++) {
                int item = r.getItem(i);
                if (item > 0 && classFile[item - 1] == CONSTANT_CLASS
                        && RewriteTable.HOOKS.equals(r.readUTF8(item, buffer))) {
                    return true;
                }
            }
            return false;
        } catch (RuntimeException unreadable) {
            return false;
        }
    }

    static boolean isClassFile(byte[] b) {
        return b.length >= 10 && (b[0] & 0xFF) == 0xCA && (b[1] & 0xFF) == 0xFE && (b[2] & 0xFF) == 0xBA
                && (b[3] & 0xFF) == 0xBE;
    }

    /** {@code where} names the class's origin (a directory, a jar) in the coverage report. */
    Outcome instrument(String where, String className, byte[] classFile) {
        Outcome o = rewrite(where, className, classFile);
        String internal = className.replace('.', '/');
        if (o.failure != null || !hooks.hooks(getClass().getClassLoader(), internal)) {
            return o;
        }
        woven.add(className);
        byte[] current = o.bytes != null ? o.bytes : classFile;
        try {
            LibraryHooks.Woven w = hooks.weave(classPath, internal, current, false);
            return new Outcome(w.bytes() != null ? w.bytes() : o.bytes, null, 0, w.notes());
        } catch (OptionException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            return new Outcome(o.bytes, "library hooks failed: " + e, 0);
        }
    }

    private Outcome rewrite(String where, String className, byte[] classFile) {
        if (!isClassFile(classFile)) {
            return new Outcome(null, "not a class file", 0);
        }
        byte[] current = classFile;
        String failure = null;
        if (allocators.declares(className)) {
            try {
                current = allocators.weave(className, classFile);
            } catch (RuntimeException | LinkageError e) {
                failure = "allocator advice failed: " + e;
            }
        }
        if (!scope.accepts(className)) {
            return new Outcome(current == classFile ? null : current, failure, 0);
        }
        coverage.offered();
        ClassInstrumenter.Result r = calls.instrument(className, current);
        ClassCoverage c = r.coverage();
        coverage.record(where, c);
        if (c != null && c.failure() != null) {
            failure = failure == null ? c.failure() : failure + "; " + c.failure();
            return new Outcome(current == classFile ? null : current, failure, c.sites().size());
        }
        byte[] out = r.bytes() != null ? r.bytes() : current == classFile ? null : current;
        return new Outcome(out, failure, 0);
    }
}
