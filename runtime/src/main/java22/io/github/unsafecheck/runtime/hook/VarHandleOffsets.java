package io.github.unsafecheck.runtime.hook;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The offset a layout var handle adds on its own: {@code NODE.varHandle(groupElement("next"))} called with
 * (segment, 0) writes at {@code segment + 8}, and no public API says so. Found once per handle by a probe: the
 * handle writes a marker into a zeroed heap segment, and the first changed byte is where it wrote. A handle the
 * probe cannot run (an alignment a heap segment cannot give, a layout larger than the probe) counts as offset 0,
 * which is what the hooks assumed before.
 */
final class VarHandleOffsets {
    private static final long MARKER = 0x5A5A_5A5A_5A5A_5A5AL;   // every byte non-zero, whatever the byte order
    private static final int MAX_PROBE_LONGS = 1 << 15;           // 256 KiB: probes of 512 B, 4 KiB, 32 KiB, 256 KiB
    /** Bounded: a program that makes var handles on the fly must not grow it forever. */
    private static final int MAX_CACHED = 4096;
    private static final Map<VarHandle, Long> OFFSETS = new ConcurrentHashMap<>();

    private VarHandleOffsets() {
    }

    /** The bytes {@code vh} adds to the (segment, offset) it is called with. */
    static long of(VarHandle vh) {
        Long known = OFFSETS.get(vh);
        if (known != null) {
            return known;
        }
        long offset = probe(vh);
        if (OFFSETS.size() >= MAX_CACHED) {
            OFFSETS.clear();
        }
        OFFSETS.put(vh, offset);
        return offset;
    }

    static long probe(VarHandle vh) {
        Object marker = marker(vh.varType());
        if (marker == null || vh.coordinateTypes().size() != 2) {
            return 0;
        }
        MethodHandle set = vh.toMethodHandle(VarHandle.AccessMode.SET);
        for (int longs = 64; longs <= MAX_PROBE_LONGS; longs *= 8) {
            long[] probe = new long[longs];
            try {
                set.invokeWithArguments(MemorySegment.ofArray(probe), 0L, marker);
            } catch (IndexOutOfBoundsException tooSmall) {
                continue;
            } catch (Throwable cannot) {
                return 0;
            }
            MemorySegment written = MemorySegment.ofArray(probe);
            long index = written.mismatch(MemorySegment.ofArray(new long[longs]));
            return index < 0 ? 0 : index;
        }
        return 0;
    }

    private static Object marker(Class<?> type) {
        if (type == long.class) {
            return MARKER;
        }
        if (type == int.class) {
            return (int) MARKER;
        }
        if (type == short.class) {
            return (short) MARKER;
        }
        if (type == char.class) {
            return (char) MARKER;
        }
        if (type == byte.class) {
            return (byte) MARKER;
        }
        if (type == boolean.class) {
            return true;
        }
        if (type == float.class) {
            return Float.intBitsToFloat((int) MARKER);
        }
        if (type == double.class) {
            return Double.longBitsToDouble(MARKER);
        }
        if (type == MemorySegment.class) {
            return MemorySegment.ofAddress(MARKER);
        }
        return null;
    }
}
