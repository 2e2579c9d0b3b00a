package example.ffm;

import example.oracle.FfmAddress;

import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/** The bad segment stores, one case per argument. */
public final class SegmentProgram {
    public static void main(String[] args) throws Throwable {
        try {
            run(args[0]);
        } catch (Error e) {
            System.out.println("caught " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        System.out.println("done");
    }

    static void run(String c) throws Throwable {
        switch (c) {
            case "heap-address": {
                MemorySegment slot = Arena.global().allocate(ValueLayout.ADDRESS);
                slot.set(ValueLayout.JAVA_LONG, 0, 0x1234L);
                byte[] array = new byte[64];
                MemorySegment pointer = MemorySegment.ofAddress(FfmAddress.of(array));
                try {
                    slot.set(ValueLayout.ADDRESS, 0, pointer); // expect: heap-pointer
                } finally {
                    System.out.println("slot " + (slot.get(ValueLayout.JAVA_LONG, 0) == 0x1234L ? "unchanged" : "changed"));
                    java.lang.ref.Reference.reachabilityFence(array);
                }
                break;
            }
            case "reinterpret": {
                try (Arena arena = Arena.ofConfined()) {
                    arena.allocate(16).reinterpret(4096).set(ValueLayout.JAVA_LONG, 512, 42L); // expect: overflow
                }
                break;
            }
            case "closed-arena": {
                MemorySegment global = Arena.global().allocate(ValueLayout.JAVA_LONG);
                try (Arena arena = Arena.ofConfined()) {
                    MemorySegment node = arena.allocate(32);
                    global.set(ValueLayout.JAVA_LONG, 0, node.address());
                } // the arena closes here: expect: dangling-pointer (with rules=dangling)
                MemorySegment stale = MemorySegment.ofAddress(global.get(ValueLayout.JAVA_LONG, 0)).reinterpret(32);
                stale.set(ValueLayout.JAVA_INT, 8, 7); // expect: use-after-free
                break;
            }
            case "var-handle-field": {
                // the handle adds the field's offset (8) itself: the write is at small + 8, past its 8 bytes
                StructLayout node = MemoryLayout.structLayout(ValueLayout.JAVA_LONG.withName("value"),
                        ValueLayout.ADDRESS.withName("next"));
                VarHandle next = node.varHandle(MemoryLayout.PathElement.groupElement("next"));
                try (Arena arena = Arena.ofConfined()) {
                    MemorySegment small = arena.allocate(8).reinterpret(node.byteSize());
                    next.set(small, 0L, MemorySegment.NULL); // expect: overflow
                }
                break;
            }
            case "var-handle-after-a-hit": {
                // the site's first writes cache the block they hit; a segment that starts inside that block but
                // runs past it must not pass for it: the handle writes at shifted + 8 = whole + 16, past the end
                StructLayout node = MemoryLayout.structLayout(ValueLayout.JAVA_LONG.withName("value"),
                        ValueLayout.ADDRESS.withName("next"));
                VarHandle next = node.varHandle(MemoryLayout.PathElement.groupElement("next"));
                try (Arena arena = Arena.ofConfined()) {
                    MemorySegment whole = arena.allocate(node);
                    MemorySegment shifted = whole.asSlice(8).reinterpret(node.byteSize());
                    for (MemorySegment s : new MemorySegment[] {whole, whole, shifted}) {
                        next.set(s, 0L, MemorySegment.NULL); // expect: overflow (the third time)
                    }
                }
                break;
            }
            case "one-arena-list": {
                // nodes point both ways, so whichever the arena frees first, a node not freed yet points at it
                try (Arena arena = Arena.ofConfined()) {
                    MemorySegment previous = MemorySegment.NULL;
                    for (int i = 0; i < 10; i++) {
                        MemorySegment node = arena.allocate(16);
                        node.set(ValueLayout.ADDRESS, 0, previous);
                        if (!previous.equals(MemorySegment.NULL)) {
                            previous.set(ValueLayout.ADDRESS, 8, node);
                        }
                        previous = node;
                    }
                }
                System.out.println("list freed");
                break;
            }
            default:
                throw new IllegalArgumentException(c);
        }
    }
}
