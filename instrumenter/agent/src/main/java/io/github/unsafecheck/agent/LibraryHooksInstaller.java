package io.github.unsafecheck.agent;

import io.github.unsafecheck.instrumenter.hooks.LibraryHooks;
import io.github.unsafecheck.runtime.config.OptionException;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;

/**
 * Puts the library hooks in place at start: checks the {@code track} entries against their classes (a method that
 * does not exist, a role that does not fit its signature: the JVM stops before {@code main}, like any bad option),
 * registers {@link LibraryHooksTransformer} with the native method prefix that lets it give JNA's native
 * {@code malloc}/{@code free} a body, and weaves the classes already loaded.
 */
final class LibraryHooksInstaller {
    private LibraryHooksInstaller() {
    }

    /** Throws {@link OptionException} for a {@code track} entry that does not fit its class. */
    static void install(Instrumentation inst, LibraryHooks hooks) {
        checkDeclared(hooks);
        LibraryHooksTransformer transformer = new LibraryHooksTransformer(hooks);
        inst.addTransformer(transformer, true);
        if (inst.isNativeMethodPrefixSupported()) {
            inst.setNativeMethodPrefix(transformer, LibraryHooks.NATIVE_PREFIX);
        }
        for (Class<?> c : inst.getAllLoadedClasses()) {
            String internal = c.getName().replace('.', '/');
            if (hooks.hooks(c.getClassLoader(), internal) && inst.isModifiableClass(c)) {
                try {
                    inst.retransformClasses(c);
                } catch (UnmodifiableClassException | RuntimeException | LinkageError e) {
                    System.err.println("unsafecheck: cannot hook " + c.getName() + ", loaded before the agent (" + e
                            + "); its memory is not tracked");
                }
            }
        }
    }

    /**
     * Each class a {@code track} entry names is checked now if the application class loader can find it; a class it
     * cannot find yet (another loader, a plugin jar) is checked when it loads, and that is said now.
     */
    private static void checkDeclared(LibraryHooks hooks) {
        ClassLoader app = ClassLoader.getSystemClassLoader();
        for (String name : hooks.declaringClasses()) {
            byte[] bytes;
            try (InputStream in = app.getResourceAsStream(name.replace('.', '/') + ".class")) {
                bytes = in == null ? null : in.readAllBytes();
            } catch (IOException e) {
                bytes = null;
            }
            if (bytes == null) {
                System.err.println("unsafecheck: track: " + name + " is not on the class path at start; its entries "
                        + "are checked when it loads (a bad one stops the JVM then)");
                continue;
            }
            hooks.check(name, bytes);
        }
    }
}
