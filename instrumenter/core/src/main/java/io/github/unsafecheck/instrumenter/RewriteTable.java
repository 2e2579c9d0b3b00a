package io.github.unsafecheck.instrumenter;

import io.github.unsafecheck.runtime.check.SiteCache;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * The one place that names which JDK method maps to which hook. Everything the instrumenter rewrites is listed here;
 * a method that is not here is never touched.
 *
 * <p>Both {@code sun.misc.Unsafe} and {@code jdk.internal.misc.Unsafe} are covered (Agrona 2.x and code run with
 * {@code --add-exports} call the internal one); a method that a JDK lacks simply never matches, and a test checks
 * that every memory-writing method of the running JDK is listed. The families:
 * <ul>
 *   <li>every store of 8 bytes ({@code putAddress}, {@code putLong} in all its forms, CAS, getAndSet) runs the pointer
 *       rule, then the memory rules — LWJGL and others store pointers with {@code putLong};
 *   <li>every reference store runs the pointer rule (at a native address it is a {@code heap-reference});
 *   <li>every other store, CAS and atomic update of 1, 2, 4 or 8 bytes, {@code setMemory} and {@code copyMemory}
 *       run the memory rules;
 *   <li>{@code allocateMemory}, {@code reallocateMemory} and {@code freeMemory} are tracked.
 * </ul>
 */
public final class RewriteTable {
    /** Internal name of the runtime class with the hooks. */
    public static final String HOOKS = "io/github/unsafecheck/runtime/hook/UnsafeHooks";
    /** The MemorySegment and VarHandle hooks (JDK 22+ bytecode; only rewritten FFM code calls them). */
    public static final String FFM_HOOKS = "io/github/unsafecheck/runtime/hook/FfmHooks";
    /** The hook that gives the offset matching the base a reference-store hook returned. */
    public static final String REFERENCE_OFFSET = "referenceOffset";
    public static final String REFERENCE_OFFSET_DESCRIPTOR = "(Ljava/lang/Object;J)J";
    /** The hooks around the original allocation calls (see the runtime's AllocationHooks). */
    public static final String ALLOCATION_SIZE = "allocationSize";
    public static final String ALLOCATION_SIZE_DESCRIPTOR = "(J)J";
    public static final String REALLOC_SOURCE = "reallocSource";
    public static final String REALLOC_SOURCE_DESCRIPTOR = "(JLjava/lang/String;)J";
    /** The runtime's cache slots (a compile-time constant: javac copies it, no runtime class is loaded). */
    public static final int CACHE_SLOTS = SiteCache.SLOTS;

    public static final String SUN_UNSAFE = "sun/misc/Unsafe";
    public static final String INTERNAL_UNSAFE = "jdk/internal/misc/Unsafe";
    public static final String MEMORY_SEGMENT = "java/lang/foreign/MemorySegment";
    public static final String VAR_HANDLE = "java/lang/invoke/VarHandle";

    private static final String OBJ = "Ljava/lang/Object;";
    private static final String[][] PRIMITIVES = {
        // name, descriptor letter, size in bytes
        {"Boolean", "Z", "1"}, {"Byte", "B", "1"}, {"Short", "S", "2"}, {"Char", "C", "2"},
        {"Int", "I", "4"}, {"Long", "J", "8"}, {"Float", "F", "4"}, {"Double", "D", "8"},
    };
    private static final RewriteTable STANDARD = new RewriteTable(false);
    private static final RewriteTable ALLOCATIONS = new RewriteTable(true);

    private final Map<String, Rewrite> byKey = new HashMap<>();
    private final boolean varHandles;

    // Loops, not lambdas or streams: this runs in premain, where each new lambda shape costs start-up time.
    private RewriteTable(boolean allocationsOnly) {
        sunMiscUnsafe();
        internalUnsafe();
        memorySegment();
        if (allocationsOnly) {
            for (java.util.Iterator<Rewrite> i = byKey.values().iterator(); i.hasNext(); ) {
                if (!i.next().shape().isAllocation()) {
                    i.remove();
                }
            }
        }
        varHandles = !allocationsOnly;
    }

    /** Whether VarHandle writes on segments are rewritten too (not in the allocations-only table). */
    public boolean rewritesVarHandles() {
        return varHandles;
    }

    /** Everything: application classes. */
    public static RewriteTable standard() {
        return STANDARD;
    }

    /**
     * Only allocation, reallocation and free: the JDK's own direct-buffer code, whose allocations the checker must
     * track, but whose writes it must not slow down.
     */
    public static RewriteTable allocationsOnly() {
        return ALLOCATIONS;
    }

    private void sunMiscUnsafe() {
        String o = SUN_UNSAFE;
        for (String[] t : PRIMITIVES) {
            boolean isLong = t[1].equals("J");
            Shape atBase = isLong ? Shape.LONG_AT_BASE : Shape.WRITE_AT_BASE;
            add(o, atBase, t, "(" + OBJ + "J" + t[1] + ")V", "put" + t[0], "put" + t[0] + "Volatile");
            if (!t[1].equals("Z")) {
                add(o, isLong ? Shape.LONG_AT_ADDRESS : Shape.WRITE_AT_ADDRESS, t, "(J" + t[1] + ")V", "put" + t[0]);
            }
        }
        add(o, Shape.LONG_AT_ADDRESS, primitive("J"), "(JJ)V", "putAddress");
        add(o, Shape.WRITE_AT_BASE, primitive("I"), "(" + OBJ + "JI)V", "putOrderedInt");
        add(o, Shape.LONG_AT_BASE, primitive("J"), "(" + OBJ + "JJ)V", "putOrderedLong");
        add(o, Shape.WRITE_AT_BASE, primitive("I"), "(" + OBJ + "JII)Z", "compareAndSwapInt");
        add(o, Shape.LONG_CAS, primitive("J"), "(" + OBJ + "JJJ)Z", "compareAndSwapLong");
        add(o, Shape.WRITE_AT_BASE, primitive("I"), "(" + OBJ + "JI)I", "getAndAddInt", "getAndSetInt");
        add(o, Shape.WRITE_AT_BASE, primitive("J"), "(" + OBJ + "JJ)J", "getAndAddLong");
        add(o, Shape.LONG_AT_BASE, primitive("J"), "(" + OBJ + "JJ)J", "getAndSetLong");
        add(o, Shape.REFERENCE_AT_BASE, null, "(" + OBJ + "J" + OBJ + ")V",
                "putObject", "putObjectVolatile", "putOrderedObject");
        add(o, Shape.REFERENCE_AT_BASE, null, "(" + OBJ + "J" + OBJ + ")" + OBJ, "getAndSetObject");
        add(o, Shape.REFERENCE_CAS, null, "(" + OBJ + "J" + OBJ + OBJ + ")Z", "compareAndSwapObject");
        bulk(o);
    }

    private void internalUnsafe() {
        String o = INTERNAL_UNSAFE;
        for (String[] t : PRIMITIVES) {
            String d = t[1];
            boolean isLong = d.equals("J");
            Shape atBase = isLong ? Shape.LONG_AT_BASE : Shape.WRITE_AT_BASE;
            Shape cas = isLong ? Shape.LONG_CAS : Shape.WRITE_AT_BASE;
            String n = t[0];
            add(o, atBase, t, "(" + OBJ + "J" + d + ")V", "put" + n, "put" + n + "Volatile", "put" + n + "Release",
                    "put" + n + "Opaque");
            if ("SCIJ".contains(d)) {
                add(o, atBase, t, "(" + OBJ + "J" + d + ")V", "put" + n + "Unaligned");
                add(o, atBase, t, "(" + OBJ + "J" + d + "Z)V", "put" + n + "Unaligned");
            }
            if (!d.equals("Z")) {
                add(o, isLong ? Shape.LONG_AT_ADDRESS : Shape.WRITE_AT_ADDRESS, t, "(J" + d + ")V", "put" + n);
            }
            add(o, cas, t, "(" + OBJ + "J" + d + d + ")Z", "compareAndSet" + n, "weakCompareAndSet" + n,
                    "weakCompareAndSet" + n + "Plain", "weakCompareAndSet" + n + "Acquire",
                    "weakCompareAndSet" + n + "Release");
            add(o, cas, t, "(" + OBJ + "J" + d + d + ")" + d, "compareAndExchange" + n,
                    "compareAndExchange" + n + "Acquire", "compareAndExchange" + n + "Release");
            add(o, atBase, t, "(" + OBJ + "J" + d + ")" + d, "getAndSet" + n, "getAndSet" + n + "Acquire",
                    "getAndSet" + n + "Release");
            if (!d.equals("Z")) {
                add(o, Shape.WRITE_AT_BASE, t, "(" + OBJ + "J" + d + ")" + d, "getAndAdd" + n,
                        "getAndAdd" + n + "Acquire", "getAndAdd" + n + "Release");
            }
            for (String op : "FD".contains(d) ? new String[0] : new String[] {"Or", "And", "Xor"}) {
                add(o, Shape.WRITE_AT_BASE, t, "(" + OBJ + "J" + d + ")" + d, "getAndBitwise" + op + n,
                        "getAndBitwise" + op + n + "Acquire", "getAndBitwise" + op + n + "Release");
            }
        }
        add(o, Shape.LONG_AT_ADDRESS, primitive("J"), "(JJ)V", "putAddress");
        add(o, Shape.LONG_AT_BASE, primitive("J"), "(" + OBJ + "JJ)V", "putAddress");
        add(o, Shape.REFERENCE_AT_BASE, null, "(" + OBJ + "J" + OBJ + ")V", "putReference",
                "putReferenceVolatile", "putReferenceRelease", "putReferenceOpaque");
        add(o, Shape.REFERENCE_AT_BASE, null, "(" + OBJ + "J" + OBJ + ")" + OBJ,
                "getAndSetReference", "getAndSetReferenceAcquire", "getAndSetReferenceRelease");
        add(o, Shape.REFERENCE_CAS, null, "(" + OBJ + "J" + OBJ + OBJ + ")Z", "compareAndSetReference",
                "weakCompareAndSetReference", "weakCompareAndSetReferencePlain", "weakCompareAndSetReferenceAcquire",
                "weakCompareAndSetReferenceRelease");
        add(o, Shape.REFERENCE_CAS, null, "(" + OBJ + "J" + OBJ + OBJ + ")" + OBJ,
                "compareAndExchangeReference", "compareAndExchangeReferenceAcquire",
                "compareAndExchangeReferenceRelease");
        add(o, Shape.COPY_AT_BASES, null, "(" + OBJ + "J" + OBJ + "JJJ)V", "copySwapMemory");
        add(o, Shape.COPY_ABSOLUTE, null, "(JJJJ)V", "copySwapMemory");
        bulk(o);
    }

    /**
     * MemorySegment stores (JDK 22+). FFM checks a segment's own bounds and liveness; what it cannot see is a
     * segment made with {@code ofAddress} or {@code reinterpret} over memory that is not (or no longer) there, and
     * a heap address stored as a pointer. VarHandle access modes are signature-polymorphic and are matched by
     * {@link VarHandleRewrites} instead.
     */
    private void memorySegment() {
        String o = MEMORY_SEGMENT;
        String vl = "Ljava/lang/foreign/ValueLayout$Of";
        String al = "Ljava/lang/foreign/AddressLayout;";
        String seg = "L" + MEMORY_SEGMENT + ";";
        String vlt = "Ljava/lang/foreign/ValueLayout;";
        for (String[] t : PRIMITIVES) {
            boolean isLong = t[1].equals("J");
            add(o, isLong ? Shape.SEGMENT_SET_LONG : Shape.SEGMENT_SET, t, "(" + vl + t[0] + ";J" + t[1] + ")V", "set");
            add(o, isLong ? Shape.SEGMENT_SET_AT_INDEX_LONG : Shape.SEGMENT_SET_AT_INDEX, t,
                    "(" + vl + t[0] + ";J" + t[1] + ")V", "setAtIndex");
        }
        add(o, Shape.SEGMENT_SET_ADDRESS, primitive("J"), "(" + al + "J" + seg + ")V", "set");
        add(o, Shape.SEGMENT_SET_AT_INDEX_ADDRESS, primitive("J"), "(" + al + "J" + seg + ")V", "setAtIndex");
        add(o, Shape.SEGMENT_FILL, null, "(B)" + seg, "fill");
        add(o, Shape.SEGMENT_COPY_FROM, null, "(" + seg + ")" + seg, "copyFrom");
        add(o, Shape.SEGMENT_SET_STRING, null, "(JLjava/lang/String;)V", "setString");
        add(o, Shape.SEGMENT_SET_STRING_CHARSET, null, "(JLjava/lang/String;Ljava/nio/charset/Charset;)V",
                "setString");
        add(o, Shape.SEGMENT_COPY, null, "(" + seg + "J" + seg + "JJ)V", "copy");
        add(o, Shape.SEGMENT_COPY_LAYOUTS, null, "(" + seg + vlt + "J" + seg + vlt + "JJ)V", "copy");
        add(o, Shape.SEGMENT_COPY_TO_ARRAY, null, "(" + seg + vlt + "JLjava/lang/Object;II)V", "copy");
        add(o, Shape.SEGMENT_COPY_FROM_ARRAY, null, "(Ljava/lang/Object;I" + seg + vlt + "JI)V", "copy");
    }

    /** setMemory, copyMemory and the allocation calls: the same on both classes. */
    private void bulk(String o) {
        add(o, Shape.FILL_AT_ADDRESS, null, "(JJB)V", "setMemory");
        add(o, Shape.FILL_AT_BASE, null, "(" + OBJ + "JJB)V", "setMemory");
        add(o, Shape.COPY_ABSOLUTE, null, "(JJJ)V", "copyMemory");
        add(o, Shape.COPY_AT_BASES, null, "(" + OBJ + "J" + OBJ + "JJ)V", "copyMemory");
        add(o, Shape.ALLOCATE, null, "(J)J", "allocateMemory");
        add(o, Shape.REALLOCATE, null, "(JJ)J", "reallocateMemory");
        add(o, Shape.FREE, null, "(J)V", "freeMemory");
    }

    private static String[] primitive(String letter) {
        for (String[] t : PRIMITIVES) {
            if (t[1].equals(letter)) {
                return t;
            }
        }
        throw new IllegalArgumentException(letter);
    }

    private void add(String owner, Shape shape, String[] type, String descriptor, String... names) {
        String prefix = owner.equals(SUN_UNSAFE) ? "Unsafe." : owner.equals(MEMORY_SEGMENT) ? "MemorySegment."
                : "jdk.internal.misc.Unsafe.";
        int size = type == null ? 0 : Integer.parseInt(type[2]);
        for (String name : names) {
            Rewrite r = new Rewrite(owner, name, descriptor, prefix + name, shape, size);
            if (byKey.put(key(owner, name, descriptor), r) != null) {
                throw new IllegalStateException("listed twice: " + r);
            }
        }
    }

    /** True for the classes whose methods the table rewrites: the cheap first test of every call instruction. */
    public static boolean isHookedOwner(String owner) {
        return owner.equals(SUN_UNSAFE) || owner.equals(INTERNAL_UNSAFE) || owner.equals(MEMORY_SEGMENT);
    }

    /** The owners as they appear in a class file's constant pool, for the pre-filter (VarHandle included). */
    public static String[] hookedOwners() {
        return new String[] {SUN_UNSAFE, INTERNAL_UNSAFE, MEMORY_SEGMENT, VAR_HANDLE};
    }

    /**
     * The rewrite of an untyped 64-bit store whose value the program declared data ({@code data=}): the same call,
     * checked by the memory rules only. Typed pointer stores ({@code putAddress}, an ADDRESS layout) and every other
     * rewrite come back unchanged.
     */
    public Rewrite asData(Rewrite r) {
        if (r.name().equals("putAddress")) {
            return r;
        }
        Shape data;
        switch (r.shape()) {
            case LONG_AT_ADDRESS:
                data = Shape.WRITE_AT_ADDRESS;
                break;
            case LONG_AT_BASE:
            case LONG_CAS:
                data = Shape.WRITE_AT_BASE;
                break;
            case SEGMENT_SET_LONG:
                data = Shape.SEGMENT_SET;
                break;
            case SEGMENT_SET_AT_INDEX_LONG:
                data = Shape.SEGMENT_SET_AT_INDEX;
                break;
            default:
                return r;
        }
        return new Rewrite(r.owner(), r.name(), r.descriptor(), r.op(), data, 8);
    }

    /** The rewrite for a call, or null when the call is left alone. */
    public Rewrite lookup(String owner, String name, String descriptor) {
        if (!isHookedOwner(owner)) {
            return null;
        }
        return byKey.get(key(owner, name, descriptor));
    }

    public Collection<Rewrite> all() {
        return Collections.unmodifiableCollection(byKey.values());
    }

    private static String key(String owner, String name, String descriptor) {
        return owner + '.' + name + descriptor;
    }
}
