package io.github.unsafecheck.instrumenter;

import org.objectweb.asm.Type;

import java.util.Set;

/**
 * VarHandle writes whose first coordinate is (or may be) a MemorySegment. Access modes are signature-polymorphic:
 * the descriptor is the call site's own ({@code VH.set(seg, 8L, v)} →
 * {@code VarHandle.set(Ljava/lang/foreign/MemorySegment;JJ)V}), so no declared method matches it — which is why
 * Byte Buddy's MemberSubstitution never sees these sites. Each one is matched here from its descriptor; the hook
 * checks at run time whether the first argument really is a segment.
 */
final class VarHandleRewrites {
    private static final Set<String> ONE_VALUE = Set.of("set", "setVolatile", "setRelease", "setOpaque",
            "getAndSet", "getAndSetAcquire", "getAndSetRelease", "getAndAdd", "getAndAddAcquire", "getAndAddRelease",
            "getAndBitwiseOr", "getAndBitwiseOrAcquire", "getAndBitwiseOrRelease", "getAndBitwiseAnd",
            "getAndBitwiseAndAcquire", "getAndBitwiseAndRelease", "getAndBitwiseXor", "getAndBitwiseXorAcquire",
            "getAndBitwiseXorRelease");
    private static final Set<String> TWO_VALUES = Set.of("compareAndSet", "compareAndExchange",
            "compareAndExchangeAcquire", "compareAndExchangeRelease", "weakCompareAndSet", "weakCompareAndSetPlain",
            "weakCompareAndSetAcquire", "weakCompareAndSetRelease");
    private static final Set<String> ARITHMETIC = Set.of("getAndAdd", "getAndAddAcquire", "getAndAddRelease",
            "getAndBitwiseOr", "getAndBitwiseOrAcquire", "getAndBitwiseOrRelease", "getAndBitwiseAnd",
            "getAndBitwiseAndAcquire", "getAndBitwiseAndRelease", "getAndBitwiseXor", "getAndBitwiseXorAcquire",
            "getAndBitwiseXorRelease");
    private static final String SEGMENT = "L" + RewriteTable.MEMORY_SEGMENT + ";";
    private static final String OBJECT = "Ljava/lang/Object;";
    private static final String TAIL = "Ljava/lang/String;I)V";
    private static final String HEAD = "(Ljava/lang/invoke/VarHandle;Ljava/lang/Object;JI";

    /** How one VarHandle call site is checked. */
    static final class Site {
        final String op;
        final String target;
        final String hook;
        final String hookDescriptor;
        /** Index of the offset coordinate (a long right after the segment), or -1: the hook gets 0. */
        final int offsetArg;
        final int coordinates;
        /** Index of the value that may be a pointer, or -1. */
        final int valueArg;

        Site(String name, String descriptor, int offsetArg, int coordinates, int valueArg, String valueDescriptor) {
            this.op = "VarHandle." + name;
            this.target = "java.lang.invoke.VarHandle." + name + descriptor;
            this.offsetArg = offsetArg;
            this.coordinates = coordinates;
            this.valueArg = valueArg;
            if (valueArg < 0) {
                hook = "varHandleWrite";
                hookDescriptor = HEAD + TAIL;
            } else if (valueDescriptor.equals("J")) {
                hook = "varHandleStoreLong";
                hookDescriptor = HEAD + "J" + TAIL;
            } else {
                hook = "varHandleStoreAddress";
                hookDescriptor = HEAD + SEGMENT + TAIL;
            }
        }
    }

    private VarHandleRewrites() {
    }

    /** The check for {@code VarHandle.<name><descriptor>}, or null when it is a read or not about a segment. */
    static Site lookup(String owner, String name, String descriptor) {
        return lookup(owner, name, descriptor, false);
    }

    /** As above; {@code data}: a {@code long} value is data (option {@code data}), never taken for a pointer. */
    static Site lookup(String owner, String name, String descriptor, boolean data) {
        if (!owner.equals(RewriteTable.VAR_HANDLE)) {
            return null;
        }
        int values = ONE_VALUE.contains(name) ? 1 : TWO_VALUES.contains(name) ? 2 : 0;
        if (values == 0) {
            return null;
        }
        Type[] args = Type.getArgumentTypes(descriptor);
        int coordinates = args.length - values;
        if (coordinates < 1) {
            return null;
        }
        String first = args[0].getDescriptor();
        if (!first.equals(SEGMENT) && !first.equals(OBJECT)) {
            return null; // a field or array VarHandle: the heap, the GC's business
        }
        int offsetArg = coordinates >= 2 && args[1].getSort() == Type.LONG ? 1 : -1;
        String value = args[args.length - 1].getDescriptor();
        boolean pointer = !ARITHMETIC.contains(name) && ((value.equals("J") && !data) || value.equals(SEGMENT));
        return new Site(name, descriptor, offsetArg, coordinates, pointer ? args.length - 1 : -1, value);
    }
}
