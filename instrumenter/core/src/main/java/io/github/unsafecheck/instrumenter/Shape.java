package io.github.unsafecheck.instrumenter;

/**
 * How a family of JDK methods maps onto a hook: the hook's name, which arguments of the original call it receives
 * (by index, receiver excluded), which constants follow them, and how the call is woven in.
 */
public enum Shape {
    /** {@code (long address, long value)}: {@code putAddress(JJ)V}, {@code putLong(JJ)V}: pointer and memory rules. */
    LONG_AT_ADDRESS("storeLong", Weave.CHECK, Constants.OP_SLOT, 0, 1),
    /** {@code (Object base, long offset, long value, …)}: plain, volatile, ordered, release, opaque, unaligned, getAndSet. */
    LONG_AT_BASE("storeLong", Weave.CHECK, Constants.OP_SLOT, 0, 1, 2),
    /** {@code (Object base, long offset, long expected, long x)}: the CAS family; the value written is {@code x}. */
    LONG_CAS("storeLong", Weave.CHECK, Constants.OP_SLOT, 0, 1, 3),
    /** {@code (Object base, long offset, Object x)}: reference stores and getAndSet. */
    REFERENCE_AT_BASE("storeReference", Weave.CHECK_REDIRECT, Constants.OP, 0, 1, 2),
    /** {@code (Object base, long offset, Object expected, Object x)}: the reference CAS family. */
    REFERENCE_CAS("storeReference", Weave.CHECK_REDIRECT, Constants.OP, 0, 1, 3),
    /** {@code (long address, T value)}: a store of {@code size} bytes at an absolute address. */
    WRITE_AT_ADDRESS("write", Weave.CHECK, Constants.SIZE_OP_SLOT, 0),
    /** {@code (Object base, long offset, T value …)}: a store, CAS or atomic update of {@code size} bytes. */
    WRITE_AT_BASE("write", Weave.CHECK, Constants.SIZE_OP_SLOT, 0, 1),
    /** {@code setMemory(long address, long bytes, byte value)}. */
    FILL_AT_ADDRESS("fill", Weave.CHECK, Constants.OP_SLOT, 0, 1),
    /** {@code setMemory(Object base, long offset, long bytes, byte value)}. */
    FILL_AT_BASE("fill", Weave.CHECK, Constants.OP_SLOT, 0, 1, 2),
    /** {@code copyMemory(long from, long to, long bytes)}, {@code copySwapMemory(long, long, long, long)}. */
    COPY_ABSOLUTE("copy", Weave.CHECK, Constants.OP_SLOT, 0, 1, 2),
    /** {@code copyMemory(Object, long, Object, long, long)}, and copySwapMemory with an element size after. */
    COPY_AT_BASES("copy", Weave.CHECK, Constants.OP_SLOT, 0, 1, 2, 3, 4),
    /** {@code allocateMemory(long)}: the size grows by the redzone, the result is recorded. */
    ALLOCATE("allocated", Weave.ALLOCATE, Constants.OP_SITE),
    /** {@code freeMemory(long)}: the hook decides what the original call really frees. */
    FREE("freeing", Weave.FREE, Constants.OP_SITE),
    /** {@code reallocateMemory(long, long)}: a free of the old block plus a new allocation. */
    REALLOCATE("reallocated", Weave.REALLOCATE, Constants.OP_SITE),

    // ---- java.lang.foreign.MemorySegment (JDK 22+): hooks in FfmHooks, which take the segment itself ----

    /** {@code seg.set(ValueLayout.OfX layout, long offset, x value)} for values that cannot be pointers. */
    SEGMENT_SET(Segments.SET, 0, 1),
    /** {@code seg.set(ValueLayout.OfLong, long offset, long value)}: the pointer rule too. */
    SEGMENT_SET_LONG(Segments.SET_LONG, 0, 1, 2),
    /** {@code seg.set(AddressLayout, long offset, MemorySegment value)}: the pointer rule too. */
    SEGMENT_SET_ADDRESS(Segments.SET_ADDRESS, 0, 1, 2),
    /** {@code seg.setAtIndex(ValueLayout.OfX layout, long index, x value)}. */
    SEGMENT_SET_AT_INDEX(Segments.SET_AT_INDEX, 0, 1),
    SEGMENT_SET_AT_INDEX_LONG(Segments.SET_AT_INDEX_LONG, 0, 1, 2),
    SEGMENT_SET_AT_INDEX_ADDRESS(Segments.SET_AT_INDEX_ADDRESS, 0, 1, 2),
    /** {@code seg.fill(byte)}: the whole segment. */
    SEGMENT_FILL(Segments.FILL),
    /** {@code seg.copyFrom(MemorySegment src)}. */
    SEGMENT_COPY_FROM(Segments.COPY_FROM, 0),
    /** {@code seg.setString(long offset, String s)}. */
    SEGMENT_SET_STRING(Segments.SET_STRING, 0, 1),
    /** {@code seg.setString(long offset, String s, Charset cs)}. */
    SEGMENT_SET_STRING_CHARSET(Segments.SET_STRING_CHARSET, 0, 1, 2),
    /** {@code MemorySegment.copy(src, srcOffset, dst, dstOffset, bytes)}. */
    SEGMENT_COPY(Segments.COPY, 0, 1, 2, 3, 4),
    /** {@code MemorySegment.copy(src, srcLayout, srcOffset, dst, dstLayout, dstOffset, count)}. */
    SEGMENT_COPY_LAYOUTS(Segments.COPY_LAYOUTS, 0, 1, 2, 3, 4, 5, 6),
    /** {@code MemorySegment.copy(src, srcLayout, srcOffset, Object dstArray, int dstIndex, int count)}: a read. */
    SEGMENT_COPY_TO_ARRAY(Segments.COPY_TO_ARRAY, 0, 1, 2, 5),
    /** {@code MemorySegment.copy(Object srcArray, int srcIndex, dst, dstLayout, dstOffset, int count)}. */
    SEGMENT_COPY_FROM_ARRAY(Segments.COPY_FROM_ARRAY, 2, 3, 4, 5);

    /** How the hook call is woven around the original instruction. */
    public enum Weave {
        /** Hook first (void), then the original call with the same operands. */
        CHECK,
        /** Hook first; it returns the base object the original call uses (a heap sink when a store is skipped). */
        CHECK_REDIRECT,
        ALLOCATE,
        FREE,
        REALLOCATE
    }

    /** The constants pushed after the passed arguments. */
    public enum Constants {
        /** The operation name. */
        OP,
        /** The operation name and the call site's cache slot. */
        OP_SLOT,
        /** The access size in bytes, the operation name and the cache slot. */
        SIZE_OP_SLOT,
        /** The operation name and the call site ({@code Class.method(File.java:line)}). */
        OP_SITE
    }

    private final String hookOwner;
    private final String hook;
    private final String hookDescriptor;
    private final boolean withReceiver;
    private final Weave weave;
    private final Constants constants;
    private final int[] passed;

    Shape(String hook, Weave weave, Constants constants, int... passed) {
        this.hookOwner = RewriteTable.HOOKS;
        this.hook = hook;
        this.hookDescriptor = null;
        this.withReceiver = false;
        this.weave = weave;
        this.constants = constants;
        this.passed = passed;
    }

    /** A MemorySegment hook: it takes the segment (the receiver of an instance call) and has a fixed descriptor. */
    Shape(Segments.Hook h, int... passed) {
        this.hookOwner = RewriteTable.FFM_HOOKS;
        this.hook = h.name;
        this.hookDescriptor = h.descriptor;
        this.withReceiver = h.withReceiver;
        this.weave = Weave.CHECK;
        this.constants = Constants.OP_SLOT;
        this.passed = passed;
    }

    /** Internal name of the class holding the hook. */
    public String hookOwner() {
        return hookOwner;
    }

    public String hook() {
        return hook;
    }

    /** The hook's declared descriptor, or null when it follows from the passed arguments' types. */
    String fixedHookDescriptor() {
        return hookDescriptor;
    }

    /** True when the hook takes the call's receiver (a MemorySegment) before the passed arguments. */
    public boolean withReceiver() {
        return withReceiver;
    }

    public Weave weave() {
        return weave;
    }

    public Constants constants() {
        return constants;
    }

    public boolean isAllocation() {
        return weave == Weave.ALLOCATE || weave == Weave.FREE || weave == Weave.REALLOCATE;
    }

    int[] passed() {
        return passed;
    }
}
