package io.github.unsafecheck.instrumenter;

/**
 * How a family of JDK methods maps onto a hook: the hook's name, which arguments of the original call it receives
 * (by index, receiver excluded), and whether it returns the base object the original instruction must use (reference
 * stores, which report mode redirects into a heap sink instead of letting them crash the GC).
 */
public enum Shape {
    /** {@code (long address, long value)}: {@code putAddress(JJ)V}, {@code putLong(JJ)V}. */
    LONG_AT_ADDRESS("storeLong", false, 0, 1),
    /** {@code (Object base, long offset, long value, …)}: plain, volatile, ordered, release, opaque, unaligned, getAndSet. */
    LONG_AT_BASE("storeLong", false, 0, 1, 2),
    /** {@code (Object base, long offset, long expected, long x)}: the CAS family; the value written is {@code x}. */
    LONG_CAS("storeLong", false, 0, 1, 3),
    /** {@code (Object base, long offset, Object x)}: reference stores and getAndSet. */
    REFERENCE_AT_BASE("storeReference", true, 0, 1, 2),
    /** {@code (Object base, long offset, Object expected, Object x)}: the reference CAS family. */
    REFERENCE_CAS("storeReference", true, 0, 1, 3);

    private final String hook;
    private final boolean redirectsBase;
    private final int[] passed;

    Shape(String hook, boolean redirectsBase, int... passed) {
        this.hook = hook;
        this.redirectsBase = redirectsBase;
        this.passed = passed;
    }

    public String hook() {
        return hook;
    }

    public boolean redirectsBase() {
        return redirectsBase;
    }

    int[] passed() {
        return passed;
    }
}
