package io.github.unsafecheck.agent;

import io.github.unsafecheck.instrumenter.hooks.LibraryHooks;
import io.github.unsafecheck.runtime.config.OptionException;

import java.lang.instrument.ClassFileTransformer;
import java.lang.reflect.Method;
import java.security.ProtectionDomain;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Weaves the library hooks ({@link LibraryHooks}: LWJGL, JNA, FFM's linker, the {@code track} functions) into their
 * classes as they load, with Byte Buddy {@code Advice}. A plain transformer, not an {@code AgentBuilder}: for every
 * other class it costs one hash lookup of the name, and Byte Buddy is loaded only when the first hooked class is —
 * a program without these libraries never pays its warm-up (0.5 s and more at start). Registered after the call-site
 * transformer, so it sees the class with its {@code Unsafe} calls already rewritten.
 *
 * <p>Classes loaded while a transformer runs reach no transformer (the JVM's re-entrancy guard): weaving reads the
 * types it needs as class files and loads none of the program's.
 */
final class LibraryHooksTransformer implements ClassFileTransformer {
    private final LibraryHooks hooks;
    private final Set<String> told = ConcurrentHashMap.newKeySet();

    LibraryHooksTransformer(LibraryHooks hooks) {
        this.hooks = hooks;
    }

    @Override
    public byte[] transform(ClassLoader loader, String internalName, Class<?> redefined, ProtectionDomain domain,
            byte[] classFile) {
        if (internalName == null || !hooks.hooks(loader, internalName)) {
            return null;
        }
        try {
            LibraryHooks.Woven w = hooks.weave(loader, internalName, classFile,
                    redefined == null || wasWrapped(redefined));
            for (String note : w.notes()) {
                if (told.add(note)) {
                    System.err.println(note);
                }
            }
            return w.bytes();
        } catch (OptionException e) {
            if (redefined != null) {
                // A class loaded before the agent (attached late): the program runs on, without these hooks.
                if (told.add(internalName)) {
                    System.err.println(e.getMessage() + "; " + internalName.replace('/', '.') + " is not hooked");
                }
                return null;
            }
            // A track entry that does not fit the class as it loaded: the same error as at start, later. The class
            // could not be found at start (another loader, a later jar), so only now can it be checked.
            System.err.println(e.getMessage() + " (checked when " + internalName.replace('/', '.') + " loaded)");
            System.err.println("unsafecheck: the JVM stops here; run java -jar unsafecheck-agent.jar for the options");
            System.err.flush();
            Runtime.getRuntime().halt(StartFailure.EXIT_STATUS);
            return null;
        } catch (Throwable t) {
            if (told.add(internalName)) {
                System.err.println("unsafecheck: could not hook " + internalName.replace('/', '.') + " (" + t
                        + "); its memory is not tracked");
            }
            return null;
        }
    }

    /** A class whose native methods were given bodies when it loaded keeps that shape when it is retransformed. */
    private static boolean wasWrapped(Class<?> c) {
        for (Method m : c.getDeclaredMethods()) {
            if (m.getName().startsWith(LibraryHooks.NATIVE_PREFIX)) {
                return true;
            }
        }
        return false;
    }
}
