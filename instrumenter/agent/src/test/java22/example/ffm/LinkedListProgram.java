package example.ffm;

import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Correct FFM code (expect: none): native linked lists built with set, setAtIndex, layout and path VarHandles,
 * copy, fill and setString, in confined arenas per thread and one shared arena, from several threads. Checks what
 * it reads back, so a broken rewrite cannot pass.
 */
public final class LinkedListProgram {
    static final StructLayout NODE = MemoryLayout.structLayout(
            ValueLayout.JAVA_LONG.withName("value"),
            ValueLayout.ADDRESS.withName("next"),
            MemoryLayout.sequenceLayout(4, ValueLayout.JAVA_INT).withName("tags"),
            MemoryLayout.sequenceLayout(16, ValueLayout.JAVA_BYTE).withName("label"));
    static final VarHandle VALUE = NODE.varHandle(MemoryLayout.PathElement.groupElement("value"));
    static final VarHandle NEXT = NODE.varHandle(MemoryLayout.PathElement.groupElement("next"));
    static final VarHandle TAG = NODE.varHandle(MemoryLayout.PathElement.groupElement("tags"),
            MemoryLayout.PathElement.sequenceElement());
    static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle();
    static final long LABEL = NODE.byteOffset(MemoryLayout.PathElement.groupElement("label"));

    public static void main(String[] args) throws Exception {
        int threads = 4;
        int nodes = Integer.parseInt(args.length > 0 ? args[0] : "2000");
        List<String> failures = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(threads);
        try (Arena shared = Arena.ofShared()) {
            MemorySegment totals = shared.allocate(ValueLayout.JAVA_LONG, threads);
            for (int t = 0; t < threads; t++) {
                int id = t;
                new Thread(() -> {
                    try (Arena arena = Arena.ofConfined()) {
                        long sum = build(arena, shared, nodes, id);
                        totals.setAtIndex(ValueLayout.JAVA_LONG, id, sum);
                        LONG.getAndAdd(totals, (long) id * 8, 0L);
                    } catch (Throwable e) {
                        synchronized (failures) {
                            failures.add(e.toString());
                        }
                    } finally {
                        done.countDown();
                    }
                }).start();
            }
            done.await();
            long expected = (long) nodes * (nodes + 1) / 2;
            for (int t = 0; t < threads; t++) {
                if (totals.getAtIndex(ValueLayout.JAVA_LONG, t) != expected) {
                    failures.add("thread " + t + " summed " + totals.getAtIndex(ValueLayout.JAVA_LONG, t));
                }
            }
        }
        System.out.println("failures " + failures);
    }

    static long build(Arena arena, Arena shared, int n, int id) {
        MemorySegment head = MemorySegment.NULL;
        for (int i = 1; i <= n; i++) {
            MemorySegment node = (i % 2 == 0 ? arena : shared).allocate(NODE);
            node.fill((byte) 0);
            VALUE.set(node, 0L, (long) i);
            NEXT.set(node, 0L, head);
            for (int k = 0; k < 4; k++) {
                TAG.set(node, 0L, (long) k, i + k);
            }
            node.setString(LABEL, "n" + i, StandardCharsets.UTF_8);
            node.set(ValueLayout.JAVA_INT, 24, i);
            MemorySegment copy = arena.allocate(NODE);
            MemorySegment.copy(node, 0, copy, 0, NODE.byteSize());
            copy.copyFrom(node);
            MemorySegment.copy(new int[] {i, i, i, i}, 0, copy, ValueLayout.JAVA_INT, 24, 4);
            head = node;
        }
        long sum = 0;
        for (MemorySegment p = head; !p.equals(MemorySegment.NULL); ) {
            MemorySegment node = p.reinterpret(NODE.byteSize());
            sum += (long) VALUE.get(node, 0L);
            if (!node.getString(LABEL).equals("n" + (long) VALUE.get(node, 0L))) {
                throw new IllegalStateException("label");
            }
            p = (MemorySegment) NEXT.get(node, 0L);
            // unlinked as it is summed: a node of the shared arena must not keep pointing into this thread's
            // arena once that closes (that would be a dangling pointer, which rules=all reports)
            NEXT.set(node, 0L, MemorySegment.NULL);
        }
        return sum;
    }
}
