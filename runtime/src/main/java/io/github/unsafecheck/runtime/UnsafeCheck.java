package io.github.unsafecheck.runtime;

import io.github.unsafecheck.runtime.blocks.Allocations;
import io.github.unsafecheck.runtime.blocks.Block;
import io.github.unsafecheck.runtime.heap.HeapRanges;

/**
 * What the checker knows, for tests and tools: violations so far, native blocks still allocated, the heap ranges.
 * Compile against {@code unsafecheck-runtime} (scope provided); the agent supplies the class at run time.
 */
public final class UnsafeCheck {
    private UnsafeCheck() {
    }

    /** Violations seen so far in this JVM (all rules, all sites, repeats included). */
    public static long violations() {
        return UnsafeCheckRuntime.reporter().total();
    }

    /** Native blocks allocated through rewritten call sites (and direct buffers) and not freed yet. */
    public static int liveNativeBlocks() {
        return Allocations.get().live().size();
    }

    /** Bytes in {@link #liveNativeBlocks()}. */
    public static long liveNativeBytes() {
        long n = 0;
        for (Block b : Allocations.get().live()) {
            n += b.size;
        }
        return n;
    }

    /** The Java heap's ranges and where they came from, e.g. {@code [0x…, 0x…) from HotSpot gHotSpotVMStructs}. */
    public static String heapRanges() {
        return HeapRanges.layout().describe();
    }
}
