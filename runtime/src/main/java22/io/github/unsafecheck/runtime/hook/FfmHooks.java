package io.github.unsafecheck.runtime.hook;

import io.github.unsafecheck.runtime.UnsafeCheckRuntime;
import io.github.unsafecheck.runtime.check.DanglingPointerRule;
import io.github.unsafecheck.runtime.check.LivePointerSteps;
import io.github.unsafecheck.runtime.check.MemoryCheck;
import io.github.unsafecheck.runtime.check.SiteCache;
import io.github.unsafecheck.runtime.report.Violation;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The hooks of rewritten {@code MemorySegment} and {@code VarHandle} writes (JDK 22+). FFM checks a segment's own
 * bounds and liveness; what it cannot see is a segment made with {@code ofAddress} or {@code reinterpret} over
 * memory that is not there (or no longer), and a heap address stored as a pointer. So a write through a native
 * segment is judged against the native block that holds the segment's start: past that block's end it is an
 * {@code overflow}, into a freed one a {@code use-after-free}. Heap segments are heap memory: nothing to check.
 *
 * <p>Not an API for application code: the signatures are a contract with the instrumenter only.
 */
public final class FfmHooks {
    static {
        UnsafeCheckRuntime.reporter();
        DanglingPointerRule.arenaLiveness(scope -> ((MemorySegment.Scope) scope).isAlive());
    }

    private FfmHooks() {
    }

    /** {@code seg.set(layout, offset, value)} for values that cannot be pointers. */
    public static void set(MemorySegment seg, ValueLayout layout, long offset, String op, int slot) {
        if (seg.isNative()) {
            write(seg.address(), seg.address() + offset, layout.byteSize(), op, slot, Violation.Access.WRITE);
        }
    }

    /** {@code seg.set(JAVA_LONG, offset, value)}: the pointer rule, then the memory rules. */
    public static void setLong(MemorySegment seg, ValueLayout layout, long offset, long value, String op, int slot) {
        if (seg.isNative()) {
            storePointerSized(seg, seg.address() + offset, value, op, slot);
        }
    }

    /** {@code seg.set(ADDRESS, offset, pointer)}: a native segment's address may well be a heap address. */
    public static void setAddress(MemorySegment seg, ValueLayout layout, long offset, MemorySegment value, String op,
            int slot) {
        if (seg.isNative()) {
            long dst = seg.address() + offset;
            if (value != null && value.isNative()) {
                storePointerSized(seg, dst, value.address(), op, slot);
            } else {
                write(seg.address(), dst, layout.byteSize(), op, slot, Violation.Access.WRITE);
            }
        }
    }

    public static void setAtIndex(MemorySegment seg, ValueLayout layout, long index, String op, int slot) {
        set(seg, layout, index * layout.byteSize(), op, slot);
    }

    public static void setAtIndexLong(MemorySegment seg, ValueLayout layout, long index, long value, String op,
            int slot) {
        setLong(seg, layout, index * layout.byteSize(), value, op, slot);
    }

    public static void setAtIndexAddress(MemorySegment seg, ValueLayout layout, long index, MemorySegment value,
            String op, int slot) {
        setAddress(seg, layout, index * layout.byteSize(), value, op, slot);
    }

    /** {@code seg.fill(b)}: the whole segment. */
    public static void fill(MemorySegment seg, String op, int slot) {
        if (seg.isNative()) {
            write(seg.address(), seg.address(), seg.byteSize(), op, slot, Violation.Access.FILL);
        }
    }

    /** {@code dst.copyFrom(src)}. */
    public static void copyFrom(MemorySegment dst, MemorySegment src, String op, int slot) {
        copy(src, 0, dst, 0, src.byteSize(), op, slot);
    }

    /** {@code seg.setString(offset, s)}: UTF-8 and a terminating zero byte. */
    public static void setString(MemorySegment seg, long offset, String s, String op, int slot) {
        setString(seg, offset, s, StandardCharsets.UTF_8, op, slot);
    }

    /** {@code seg.setString(offset, s, charset)}: the encoded bytes and a terminator as wide as the charset's unit. */
    public static void setString(MemorySegment seg, long offset, String s, Charset charset, String op, int slot) {
        if (seg.isNative() && s != null && charset != null) {
            long bytes = s.getBytes(charset).length + terminatorSize(charset);
            write(seg.address(), seg.address() + offset, bytes, op, slot, Violation.Access.WRITE);
        }
    }

    /** {@code MemorySegment.copy(src, srcOffset, dst, dstOffset, bytes)}. */
    public static void copy(MemorySegment src, long srcOffset, MemorySegment dst, long dstOffset, long bytes,
            String op, int slot) {
        if (dst.isNative()) {
            write(dst.address(), dst.address() + dstOffset, bytes, op, slot, Violation.Access.COPY);
        }
        if (src.isNative()) {
            read(src.address(), src.address() + srcOffset, bytes, op, slot);
        }
    }

    /** {@code MemorySegment.copy(src, srcLayout, srcOffset, dst, dstLayout, dstOffset, count)}. */
    public static void copy(MemorySegment src, ValueLayout srcLayout, long srcOffset, MemorySegment dst,
            ValueLayout dstLayout, long dstOffset, long count, String op, int slot) {
        if (dst.isNative()) {
            write(dst.address(), dst.address() + dstOffset, count * dstLayout.byteSize(), op, slot,
                    Violation.Access.COPY);
        }
        if (src.isNative()) {
            read(src.address(), src.address() + srcOffset, count * srcLayout.byteSize(), op, slot);
        }
    }

    /** {@code MemorySegment.copy(src, layout, offset, array, index, count)}: reading a freed block. */
    public static void copyToArray(MemorySegment src, ValueLayout layout, long offset, int count, String op,
            int slot) {
        if (src.isNative()) {
            read(src.address(), src.address() + offset, count * layout.byteSize(), op, slot);
        }
    }

    /** {@code MemorySegment.copy(array, index, dst, layout, offset, count)}. */
    public static void copyFromArray(MemorySegment dst, ValueLayout layout, long offset, int count, String op,
            int slot) {
        if (dst.isNative()) {
            write(dst.address(), dst.address() + offset, count * layout.byteSize(), op, slot,
                    Violation.Access.COPY);
        }
    }

    // ---- VarHandle access modes whose first coordinate may be a segment --------------------------------------

    /**
     * A VarHandle write that cannot store a pointer. With exactly the coordinates (segment, offset) — every layout
     * var handle since JDK 22 — the address is exact: the offset of the layout path inside the handle is found once
     * per handle ({@link VarHandleOffsets}); a path var handle with index coordinates adds strides this hook cannot
     * see, so only the segment's own block is judged (a freed one is a use-after-free).
     */
    public static void varHandleWrite(VarHandle vh, Object target, long offset, int coordinates, String op, int slot) {
        if (target instanceof MemorySegment seg && seg.isNative()) {
            access(vh, seg, offset, coordinates, size(vh), op, slot);
        }
    }

    public static void varHandleStoreLong(VarHandle vh, Object target, long offset, int coordinates, long value,
            String op, int slot) {
        if (target instanceof MemorySegment seg && seg.isNative()) {
            // The exact address matters only to a heap pointer's report and to the dangling-pointer rule.
            if (LivePointerSteps.INSTANCE.isHeapPointer(value) || DanglingPointerRule.ENABLED) {
                pointer(vh, seg, offset, coordinates, value, op);
            }
            access(vh, seg, offset, coordinates, 8, op, slot);
        }
    }

    public static void varHandleStoreAddress(VarHandle vh, Object target, long offset, int coordinates,
            MemorySegment value, String op, int slot) {
        if (target instanceof MemorySegment seg && seg.isNative()) {
            if (value != null && value.isNative()
                    && (LivePointerSteps.INSTANCE.isHeapPointer(value.address()) || DanglingPointerRule.ENABLED)) {
                pointer(vh, seg, offset, coordinates, value.address(), op);
            }
            access(vh, seg, offset, coordinates, size(vh), op, slot);
        }
    }

    /**
     * The fast path comes first: the whole segment lies inside the live block this site wrote into last. The JDK
     * checks every access against the segment's bounds before it writes, so whatever it lets through lands in that
     * block, whatever offset the handle's layout path adds; only the slow path needs that offset (a map lookup per
     * handle cost about 8 ns per store, measured).
     */
    private static void access(VarHandle vh, MemorySegment seg, long offset, int coordinates, long size, String op,
            int slot) {
        if (SiteCache.hit(slot, seg.address(), seg.byteSize())) {
            return;
        }
        if (coordinates == 2) {
            long dst = seg.address() + offset + VarHandleOffsets.of(vh);
            write(seg.address(), dst, size, op, slot, Violation.Access.WRITE);
        } else {
            MemoryCheck.liveness(seg.address(), seg.byteSize(), op, slot);
        }
    }

    /** The pointer rule for a VarHandle store; the memory rules follow in {@link #access}. */
    private static void pointer(VarHandle vh, MemorySegment seg, long offset, int coordinates, long value, String op) {
        long dst = coordinates == 2 ? seg.address() + offset + VarHandleOffsets.of(vh) : seg.address();
        UnsafeHooks.pointerRule(dst, value, op);
        DanglingPointerRule.stored(dst, value, op, seg.scope());
    }

    private static void storePointerSized(MemorySegment seg, long dst, long value, String op, int slot) {
        UnsafeHooks.pointerSized(dst, value, seg.address(), true, op, slot, seg.scope());
    }

    /**
     * The memory rules for an access of {@code length} bytes at {@code dst} through a native segment starting at
     * {@code segmentBase}: the site's cached block must hold the segment's start too (a segment reinterpreted past
     * its own block must not pass because its write happens to land in another one), else the chain judges it by
     * the block holding the segment's start.
     */
    private static void write(long segmentBase, long dst, long length, String op, int slot, Violation.Access access) {
        if (!SiteCache.hitSegment(slot, segmentBase, dst, length)) {
            MemoryCheck.write(dst, length, segmentBase, op, access, slot);
        }
    }

    /** The source of a copy through a native segment: reading a freed block is a use-after-free. */
    private static void read(long segmentBase, long src, long length, String op, int slot) {
        int sourceSlot = SiteCache.sourceSlot(slot);
        if (!SiteCache.hitSegment(sourceSlot, segmentBase, src, length)) {
            MemoryCheck.read(src, length, segmentBase, op, sourceSlot);
        }
    }

    private static long size(VarHandle vh) {
        Class<?> t = vh.varType();
        if (t == long.class || t == double.class || t == MemorySegment.class) {
            return 8;
        }
        if (t == int.class || t == float.class) {
            return 4;
        }
        if (t == short.class || t == char.class) {
            return 2;
        }
        return 1;
    }

    private static int terminatorSize(Charset charset) {
        String name = charset.name();
        if (name.startsWith("UTF-32")) {
            return 4;
        }
        return name.startsWith("UTF-16") ? 2 : 1;
    }
}
