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
    REALLOCATE("reallocated", Weave.REALLOCATE, Constants.OP_SITE);

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

    private final String hook;
    private final Weave weave;
    private final Constants constants;
    private final int[] passed;

    Shape(String hook, Weave weave, Constants constants, int... passed) {
        this.hook = hook;
        this.weave = weave;
        this.constants = constants;
        this.passed = passed;
    }

    public String hook() {
        return hook;
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
