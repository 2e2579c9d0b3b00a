package io.github.unsafecheck.benchmarks.footprint;

import io.github.unsafecheck.benchmarks.support.UnsafeAccess;
import sun.misc.Unsafe;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * A child JVM run under the agent: holds {@code N} live 64-byte native allocations and prints how many bytes of Java
 * heap the checker spent per allocation (its {@code Block}, the allocation's trace, its page-index entries), measured
 * as heap in use after a full GC, before and after allocating. The program itself keeps only a {@code long[]} of the
 * addresses, allocated before the first measurement. It prints how many blocks the checker tracks, so that a run the
 * agent did not see cannot pass for a small figure.
 *
 * <p>Output: {@code bytes-per-allocation=<double> tracked=<int>}.
 */
public final class MetadataFootprint {
    private static final Unsafe U = UnsafeAccess.UNSAFE;

    private MetadataFootprint() {
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        long[] addresses = new long[n];
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        int trackedBefore = tracked();
        long before = heapAfterGc(memory);
        for (int i = 0; i < n; i++) {
            addresses[i] = U.allocateMemory(64);
            U.putLong(addresses[i], i);
        }
        long after = heapAfterGc(memory);
        int tracked = tracked() - trackedBefore;
        System.out.printf(java.util.Locale.ROOT, "bytes-per-allocation=%.1f tracked=%d%n",
                (after - before) / (double) n, tracked);
        for (long a : addresses) {
            U.freeMemory(a);
        }
    }

    private static long heapAfterGc(MemoryMXBean memory) throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    /** The checker's count of live native blocks; -1 without the agent. */
    private static int tracked() throws ReflectiveOperationException {
        try {
            Class<?> api = Class.forName("io.github.unsafecheck.runtime.UnsafeCheck", true, null);
            return (int) api.getMethod("liveNativeBlocks").invoke(null);
        } catch (ClassNotFoundException e) {
            return -1;
        }
    }
}
