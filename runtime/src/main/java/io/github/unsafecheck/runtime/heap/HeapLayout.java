package io.github.unsafecheck.runtime.heap;

import io.github.unsafecheck.runtime.raw.Hex;
import io.github.unsafecheck.runtime.raw.RawMemory;

/**
 * What is known about the Java heap's place in the address space: its reserved ranges, where that knowledge came
 * from, and how the raw bits of a reference turn into an address.
 */
public final class HeapLayout {
    /** How a reference's raw bits become an address. */
    enum Decoding {
        /** The bits are the address (no compressed oops; Shenandoah; ZGC before JDK 21, whose views are mapped). */
        DIRECT,
        /** A narrow oop: base + (bits << shift). */
        NARROW,
        /** Generational ZGC's coloured pointer: bits >>> shift. */
        ZGC_COLOURED,
        /** Not known: reports show the raw bits. */
        UNKNOWN
    }

    private final long[] ranges;
    private final String source;
    private final String failure;
    private final Decoding decoding;
    private final long base;
    private final int shift;

    private HeapLayout(long[] ranges, String source, String failure, Decoding decoding, long base, int shift) {
        this.ranges = ranges;
        this.source = source;
        this.failure = failure;
        this.decoding = decoding;
        this.base = base;
        this.shift = shift;
    }

    static HeapLayout known(long[] ranges, String source, Decoding decoding, long base, int shift) {
        return new HeapLayout(ranges.clone(), source, null, decoding, base, shift);
    }

    static HeapLayout unknown(String failure) {
        return new HeapLayout(new long[0], null, failure, Decoding.UNKNOWN, 0, 0);
    }

    /** False when the ranges could not be found: the heap-pointer rule is then off. */
    public boolean isKnown() {
        return failure == null;
    }

    /** Why the ranges are unknown, or null. */
    public String failure() {
        return failure;
    }

    /** Where the ranges came from, e.g. {@code HotSpot gHotSpotVMStructs (reserved heap)}. */
    public String source() {
        return source;
    }

    /** Sorted, disjoint {@code [lo, hi)} pairs. */
    public long[] ranges() {
        return ranges.clone();
    }

    public long lowest() {
        return ranges.length == 0 ? 0 : ranges[0];
    }

    public long highest() {
        return ranges.length == 0 ? 0 : ranges[ranges.length - 1];
    }

    public int rangeCount() {
        return ranges.length / 2;
    }

    /** The address a raw reference value denotes. */
    long decode(long raw) {
        switch (decoding) {
            case NARROW:
                return base + (raw << shift);
            case ZGC_COLOURED:
                return raw >>> shift;
            default:
                return raw;
        }
    }

    /** The current address of an object (it changes when the GC moves the object). */
    public long addressOf(Object o) {
        return decode(RawMemory.rawReference(new Object[] {o}));
    }

    boolean contains(long address) {
        for (int i = 0; i < ranges.length; i += 2) {
            if (address >= ranges[i] && address < ranges[i + 1]) {
                return true;
            }
        }
        return false;
    }

    /** For start-up messages: {@code [0x…, 0x…) from …}. */
    public String describe() {
        if (!isKnown()) {
            return "unknown (" + failure + ")";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < ranges.length; i += 2) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append('[').append(Hex.address(ranges[i])).append(", ").append(Hex.address(ranges[i + 1])).append(')');
        }
        return sb + " from " + source;
    }

    @Override
    public String toString() {
        return describe();
    }
}
