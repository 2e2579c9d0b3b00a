package io.github.unsafecheck.samples.regressions;

import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * The {@link Finalizer} row for {@code java.lang.foreign}: automatic arenas, whose memory the garbage collector's
 * cleaner frees in the background once nothing reaches them, while the program keeps building rings of nodes in
 * new ones and adding up totals in a shared arena. The nodes of a ring point at each other; when the collector frees
 * their arena, those pointers go with it: none is left dangling.
 *
 * <p>expect: none, under the strictest settings (every rule, {@code strict=true}) and a small quarantine.
 */
// options: strict=true,rules=all,quarantine=64k
public final class AutoArenas {
    static final StructLayout NODE = MemoryLayout.structLayout(JAVA_LONG.withName("value"), ADDRESS.withName("next"));
    private static final long NEXT = NODE.byteOffset(MemoryLayout.PathElement.groupElement("next"));
    private static final int ROUNDS = 2_000;
    private static final int RING = 8;

    public static void main(String[] args) {
        long expected = 0;
        try (Arena shared = Arena.ofShared()) {
            MemorySegment total = shared.allocate(JAVA_LONG);
            for (int round = 0; round < ROUNDS; round++) {
                total.set(JAVA_LONG, 0, total.get(JAVA_LONG, 0) + ring(Arena.ofAuto(), round));
                expected += (long) RING * round;
                if (round % 100 == 0) {
                    System.gc();                                   // let the cleaner free the dropped arenas
                }
            }
            System.out.printf("%d rings in automatic arenas, freed by the GC; total %d (expected %d)%n", ROUNDS,
                    total.get(JAVA_LONG, 0), expected);
        }
    }

    /** A ring of nodes in an arena nobody will close: dropped when this returns. */
    private static long ring(Arena auto, long value) {
        MemorySegment first = auto.allocate(NODE);
        MemorySegment node = first;
        for (int i = 1; i < RING; i++) {
            MemorySegment next = auto.allocate(NODE);
            node.set(JAVA_LONG, 0, value);
            node.set(ADDRESS, NEXT, next);
            node = next;
        }
        node.set(JAVA_LONG, 0, value);
        node.set(ADDRESS, NEXT, first);                            // close the ring
        long sum = 0;
        MemorySegment n = first;
        for (int i = 0; i < RING; i++) {
            sum += n.get(JAVA_LONG, 0);
            n = n.get(ADDRESS, NEXT).reinterpret(NODE.byteSize());
        }
        return sum;
    }
}
