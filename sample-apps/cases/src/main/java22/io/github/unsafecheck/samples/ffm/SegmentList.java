package io.github.unsafecheck.samples.ffm;

import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.VarHandle;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * The good twin of the FFM cases (expect: none, with the opt-in dangling-pointer rule on): a doubly linked list in
 * native memory, built with layout var handles and segment stores, native pointers only, every write in bounds,
 * and all of it freed at once when its arena closes. Nodes point at each other both ways, so while the arena frees
 * them one by one, the ones still to be freed hold pointers to the ones already freed: that is not a dangling
 * pointer, because they all go together.
 */
// options: rules=all
public final class SegmentList {
    static final StructLayout NODE = MemoryLayout.structLayout(
            JAVA_LONG.withName("value"), ADDRESS.withName("prev"), ADDRESS.withName("next"));
    static final VarHandle VALUE = NODE.varHandle(MemoryLayout.PathElement.groupElement("value"));
    static final VarHandle PREV = NODE.varHandle(MemoryLayout.PathElement.groupElement("prev"));
    static final VarHandle NEXT = NODE.varHandle(MemoryLayout.PathElement.groupElement("next"));

    public static void main(String[] args) {
        long sum = 0;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment head = MemorySegment.NULL;
            MemorySegment tail = MemorySegment.NULL;
            for (long v = 1; v <= 100; v++) {
                MemorySegment node = arena.allocate(NODE);
                VALUE.set(node, 0L, v);
                PREV.set(node, 0L, tail);
                NEXT.set(node, 0L, MemorySegment.NULL);
                if (tail.equals(MemorySegment.NULL)) {
                    head = node;
                } else {
                    tail.set(ADDRESS, NODE.byteOffset(MemoryLayout.PathElement.groupElement("next")), node);
                }
                tail = node;
            }
            for (MemorySegment n = head; !n.equals(MemorySegment.NULL); ) {
                MemorySegment node = n.reinterpret(NODE.byteSize());
                sum += (long) VALUE.get(node, 0L);
                n = (MemorySegment) NEXT.get(node, 0L);
            }
        }
        System.out.println("built, walked and freed a doubly linked list of 100 nodes; sum = " + sum);
    }
}
