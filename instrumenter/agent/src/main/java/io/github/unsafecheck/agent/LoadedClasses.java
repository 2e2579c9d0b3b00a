package io.github.unsafecheck.agent;

import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.util.ArrayList;
import java.util.List;

/**
 * After a late attach, classes loaded before the agent already hold their Unsafe calls: retransform the ones the
 * filter accepts so that the transformer sees them too.
 */
final class LoadedClasses {
    private LoadedClasses() {
    }

    static void retransform(Instrumentation inst, ClassFilter filter) {
        List<Class<?>> targets = new ArrayList<>();
        for (Class<?> c : inst.getAllLoadedClasses()) {
            if (inst.isModifiableClass(c) && !c.isHidden() && !c.isArray() && filter.accepts(c.getClassLoader(), c.getName())) {
                targets.add(c);
            }
        }
        for (Class<?> c : targets) {
            try {
                inst.retransformClasses(c);
            } catch (UnmodifiableClassException | RuntimeException | LinkageError e) {
                System.err.println("unsafecheck: could not retransform " + c.getName() + " (" + e + ")");
            }
        }
    }
}
