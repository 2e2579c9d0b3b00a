package io.github.unsafecheck.instrumenter;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * The one place that names which JDK method maps to which hook. Everything the instrumenter rewrites is listed here;
 * a method that is not here is never touched.
 *
 * <p>Both {@code sun.misc.Unsafe} and {@code jdk.internal.misc.Unsafe} are covered (Agrona 2.x and code run with
 * {@code --add-exports} call the internal one). A method that a JDK lacks simply never matches. The pointer rule
 * covers every store that can write a pointer: {@code putAddress}; every 64-bit store (plain, volatile, ordered,
 * release, opaque, unaligned, CAS, getAndSet — LWJGL and others store pointers with {@code putLong}); and every
 * reference store.
 */
public final class RewriteTable {
    /** Internal name of the runtime class with the hooks. */
    public static final String HOOKS = "io/github/unsafecheck/runtime/hook/UnsafeHooks";
    /** The hook that gives the offset matching the base a reference-store hook returned. */
    public static final String REFERENCE_OFFSET = "referenceOffset";
    public static final String REFERENCE_OFFSET_DESCRIPTOR = "(Ljava/lang/Object;J)J";

    public static final String SUN_UNSAFE = "sun/misc/Unsafe";
    public static final String INTERNAL_UNSAFE = "jdk/internal/misc/Unsafe";

    private static final String OBJ = "Ljava/lang/Object;";
    private static final RewriteTable DEFAULT = new RewriteTable();

    private final Map<String, Rewrite> byKey = new HashMap<>();

    private RewriteTable() {
        // sun.misc.Unsafe (JDK 17 and 25 have no putReference here, only putObject).
        add(SUN_UNSAFE, Shape.LONG_AT_ADDRESS, "(JJ)V", "putAddress", "putLong");
        add(SUN_UNSAFE, Shape.LONG_AT_BASE, "(" + OBJ + "JJ)V", "putLong", "putLongVolatile", "putOrderedLong");
        add(SUN_UNSAFE, Shape.LONG_AT_BASE, "(" + OBJ + "JJ)J", "getAndSetLong");
        add(SUN_UNSAFE, Shape.LONG_CAS, "(" + OBJ + "JJJ)Z", "compareAndSwapLong");
        add(SUN_UNSAFE, Shape.REFERENCE_AT_BASE, "(" + OBJ + "J" + OBJ + ")V",
                "putObject", "putObjectVolatile", "putOrderedObject");
        add(SUN_UNSAFE, Shape.REFERENCE_AT_BASE, "(" + OBJ + "J" + OBJ + ")" + OBJ, "getAndSetObject");
        add(SUN_UNSAFE, Shape.REFERENCE_CAS, "(" + OBJ + "J" + OBJ + OBJ + ")Z", "compareAndSwapObject");

        // jdk.internal.misc.Unsafe.
        add(INTERNAL_UNSAFE, Shape.LONG_AT_ADDRESS, "(JJ)V", "putAddress", "putLong");
        add(INTERNAL_UNSAFE, Shape.LONG_AT_BASE, "(" + OBJ + "JJ)V", "putAddress", "putLong", "putLongVolatile",
                "putLongRelease", "putLongOpaque", "putLongUnaligned");
        add(INTERNAL_UNSAFE, Shape.LONG_AT_BASE, "(" + OBJ + "JJZ)V", "putLongUnaligned");
        add(INTERNAL_UNSAFE, Shape.LONG_AT_BASE, "(" + OBJ + "JJ)J",
                "getAndSetLong", "getAndSetLongAcquire", "getAndSetLongRelease");
        add(INTERNAL_UNSAFE, Shape.LONG_CAS, "(" + OBJ + "JJJ)Z", "compareAndSetLong", "weakCompareAndSetLong",
                "weakCompareAndSetLongPlain", "weakCompareAndSetLongAcquire", "weakCompareAndSetLongRelease");
        add(INTERNAL_UNSAFE, Shape.LONG_CAS, "(" + OBJ + "JJJ)J", "compareAndExchangeLong",
                "compareAndExchangeLongAcquire", "compareAndExchangeLongRelease");
        add(INTERNAL_UNSAFE, Shape.REFERENCE_AT_BASE, "(" + OBJ + "J" + OBJ + ")V", "putReference",
                "putReferenceVolatile", "putReferenceRelease", "putReferenceOpaque");
        add(INTERNAL_UNSAFE, Shape.REFERENCE_AT_BASE, "(" + OBJ + "J" + OBJ + ")" + OBJ,
                "getAndSetReference", "getAndSetReferenceAcquire", "getAndSetReferenceRelease");
        add(INTERNAL_UNSAFE, Shape.REFERENCE_CAS, "(" + OBJ + "J" + OBJ + OBJ + ")Z", "compareAndSetReference",
                "weakCompareAndSetReference", "weakCompareAndSetReferencePlain", "weakCompareAndSetReferenceAcquire",
                "weakCompareAndSetReferenceRelease");
        add(INTERNAL_UNSAFE, Shape.REFERENCE_CAS, "(" + OBJ + "J" + OBJ + OBJ + ")" + OBJ,
                "compareAndExchangeReference", "compareAndExchangeReferenceAcquire",
                "compareAndExchangeReferenceRelease");
    }

    public static RewriteTable standard() {
        return DEFAULT;
    }

    private void add(String owner, Shape shape, String descriptor, String... names) {
        String prefix = owner.equals(SUN_UNSAFE) ? "Unsafe." : "jdk.internal.misc.Unsafe.";
        for (String name : names) {
            Rewrite r = new Rewrite(owner, name, descriptor, prefix + name, shape);
            if (byKey.put(key(owner, name, descriptor), r) != null) {
                throw new IllegalStateException("listed twice: " + r);
            }
        }
    }

    /** True for the classes whose methods the table rewrites: the cheap first test of every call instruction. */
    public static boolean isHookedOwner(String owner) {
        return owner.equals(SUN_UNSAFE) || owner.equals(INTERNAL_UNSAFE);
    }

    /** The owners as they appear in a class file's constant pool, for the pre-filter. */
    public static String[] hookedOwners() {
        return new String[] {SUN_UNSAFE, INTERNAL_UNSAFE};
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
