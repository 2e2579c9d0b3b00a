package io.github.unsafecheck.agent;

import sun.misc.Unsafe;

/**
 * Never run: its class file is handed to the transformer once before the transformer is registered, so that every
 * class on the transformation path is loaded by then. A class first loaded after registration that the
 * transformer itself needs would otherwise be defined twice (the JVM transforms it while it is being loaded).
 */
final class WarmupSample {
    private WarmupSample() {
    }

    @SuppressWarnings("unused")
    static void sample(Unsafe u, Object o) {
        long a = u.allocateMemory(16);
        u.putAddress(a, a);
        u.putInt(a, 1);
        u.putObject(o, 16L, o);
        u.copyMemory(a, a, 8);
        u.setMemory(a, 8, (byte) 0);
        u.freeMemory(u.reallocateMemory(a, 32));
    }
}
