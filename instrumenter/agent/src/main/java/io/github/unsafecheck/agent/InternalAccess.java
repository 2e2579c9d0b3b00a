package io.github.unsafecheck.agent;

import io.github.unsafecheck.runtime.heap.HeapRanges;

import java.lang.instrument.Instrumentation;
import java.util.Collections;
import java.util.Map;
import java.util.Set;

/**
 * Exports {@code jdk.internal.misc} to the runtime (the bootstrap loader's unnamed module), which agents may do.
 * The runtime then reads HotSpot's structures through {@code jdk.internal.misc.Unsafe}: {@code sun.misc.Unsafe}
 * would print JDK 23+'s one-time deprecation warning naming unsafecheck — and the JVM would then never print it for
 * the application's own class.
 */
final class InternalAccess {
    private InternalAccess() {
    }

    static void exportToRuntime(Instrumentation inst) {
        Module javaBase = Object.class.getModule();
        // Loading this class only resolves it: its static initializer (the heap discovery) runs later.
        Module runtime = HeapRanges.class.getModule();
        if (inst.isModifiableModule(javaBase)) {
            inst.redefineModule(javaBase, Collections.emptySet(),
                    Map.of("jdk.internal.misc", Set.of(runtime)), Collections.emptyMap(), Collections.emptySet(),
                    Collections.emptyMap());
        }
    }
}
