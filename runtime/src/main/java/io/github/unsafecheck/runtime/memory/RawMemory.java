package io.github.unsafecheck.runtime.memory;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Field;

import static java.lang.invoke.MethodType.methodType;

/**
 * The checker's own raw memory access: reading HotSpot's structures at start, the persistent chunks, the raw bits of a
 * reference for reports. It is never on a write's fast path.
 *
 * <p>It prefers {@code jdk.internal.misc.Unsafe}, which the agent exports to the runtime: that one prints no JDK 23+
 * "terminally deprecated method in sun.misc.Unsafe" warning, so the JVM's one-time warning still names the
 * application's own class. Without the agent (offline instrumentation) it falls back to {@code sun.misc.Unsafe} unless
 * the JVM runs with {@code --add-exports java.base/jdk.internal.misc=ALL-UNNAMED}.
 */
public final class RawMemory {
    private static final String INTERNAL = "jdk.internal.misc.Unsafe";

    private static final MethodHandle GET_LONG;
    private static final MethodHandle GET_INT;
    private static final MethodHandle GET_BYTE;
    private static final MethodHandle PUT_LONG;
    private static final MethodHandle SET_MEMORY;
    private static final MethodHandle ALLOCATE;
    private static final MethodHandle FREE;
    private static final MethodHandle COPY;
    private static final MethodHandle GET_LONG_OBJECT;
    private static final MethodHandle GET_INT_OBJECT;
    /** Which Unsafe backs this class, for diagnostics. */
    public static final String PROVIDER;
    /** Bytes per element of an {@code Object[]}: 4 with compressed oops, 8 without. */
    public static final int REFERENCE_SIZE;
    /** Offset of element 0 of an {@code Object[]}. */
    public static final long OBJECT_ARRAY_BASE;

    static {
        Object unsafe;
        Class<?> type;
        try {
            type = Class.forName(INTERNAL);
            if (!type.getModule().isExported("jdk.internal.misc", RawMemory.class.getModule())) {
                throw new IllegalAccessException("not exported");
            }
            unsafe = type.getMethod("getUnsafe").invoke(null);
        } catch (ReflectiveOperationException | RuntimeException internalUnavailable) {
            try {
                type = Class.forName("sun.misc.Unsafe");
                Field f = type.getDeclaredField("theUnsafe");
                f.setAccessible(true);
                unsafe = f.get(null);
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new ExceptionInInitializerError(e);
            }
        }
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            GET_LONG = lookup.findVirtual(type, "getLong", methodType(long.class, long.class)).bindTo(unsafe);
            GET_INT = lookup.findVirtual(type, "getInt", methodType(int.class, long.class)).bindTo(unsafe);
            GET_BYTE = lookup.findVirtual(type, "getByte", methodType(byte.class, long.class)).bindTo(unsafe);
            PUT_LONG = lookup.findVirtual(type, "putLong", methodType(void.class, long.class, long.class))
                    .bindTo(unsafe);
            SET_MEMORY = lookup.findVirtual(type, "setMemory",
                    methodType(void.class, long.class, long.class, byte.class)).bindTo(unsafe);
            ALLOCATE = lookup.findVirtual(type, "allocateMemory", methodType(long.class, long.class)).bindTo(unsafe);
            FREE = lookup.findVirtual(type, "freeMemory", methodType(void.class, long.class)).bindTo(unsafe);
            COPY = lookup.findVirtual(type, "copyMemory", methodType(void.class, long.class, long.class, long.class))
                    .bindTo(unsafe);
            GET_LONG_OBJECT = lookup.findVirtual(type, "getLong", methodType(long.class, Object.class, long.class))
                    .bindTo(unsafe);
            GET_INT_OBJECT = lookup.findVirtual(type, "getInt", methodType(int.class, Object.class, long.class))
                    .bindTo(unsafe);
            REFERENCE_SIZE = (int) arrayQuery(lookup, type, unsafe, "arrayIndexScale");
            OBJECT_ARRAY_BASE = arrayQuery(lookup, type, unsafe, "arrayBaseOffset");
        } catch (Throwable e) {
            throw new ExceptionInInitializerError(e);
        }
        PROVIDER = type.getName();
    }

    private RawMemory() {
    }

    /** {@code arrayBaseOffset}/{@code arrayIndexScale} of Object[]: int in JDK 17, long in the internal Unsafe of 25. */
    private static long arrayQuery(MethodHandles.Lookup lookup, Class<?> type, Object unsafe, String name)
            throws Throwable {
        MethodHandle h;
        try {
            h = lookup.findVirtual(type, name, methodType(int.class, Class.class));
        } catch (NoSuchMethodException e) {
            h = lookup.findVirtual(type, name, methodType(long.class, Class.class));
        }
        return ((Number) h.invoke(unsafe, Object[].class)).longValue();
    }

    public static long getLong(long address) {
        try {
            return (long) GET_LONG.invokeExact(address);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static int getInt(long address) {
        try {
            return (int) GET_INT.invokeExact(address);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static byte getByte(long address) {
        try {
            return (byte) GET_BYTE.invokeExact(address);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static void putLong(long address, long value) {
        try {
            PUT_LONG.invokeExact(address, value);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static void setMemory(long address, long bytes, byte value) {
        try {
            SET_MEMORY.invokeExact(address, bytes, value);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Raw malloc through Unsafe: the checker's own memory, never tracked, never freed. */
    public static long allocate(long bytes) {
        try {
            return (long) ALLOCATE.invokeExact(bytes);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Raw free through Unsafe: blocks leaving the quarantine really go back to malloc here. */
    public static void free(long address) {
        try {
            FREE.invokeExact(address);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static void copy(long from, long to, long bytes) {
        try {
            COPY.invokeExact(from, to, bytes);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * The raw bits of the reference held in {@code holder[0]}: an address without compressed oops, a narrow oop
     * (zero-extended) with them, a coloured pointer under ZGC.
     */
    public static long rawReference(Object[] holder) {
        try {
            if (REFERENCE_SIZE == 8) {
                return (long) GET_LONG_OBJECT.invokeExact((Object) holder, OBJECT_ARRAY_BASE);
            }
            return ((int) GET_INT_OBJECT.invokeExact((Object) holder, OBJECT_ARRAY_BASE)) & 0xFFFF_FFFFL;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Reads a NUL-terminated C string of at most {@code max} bytes. */
    public static String cString(long address, int max) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < max; i++) {
            byte b = getByte(address + i);
            if (b == 0) {
                break;
            }
            sb.append((char) (b & 0xFF));
        }
        return sb.toString();
    }

    /** True when the NUL-terminated C string at {@code address} equals {@code ascii}. */
    public static boolean cStringEquals(long address, byte[] ascii) {
        for (int i = 0; i < ascii.length; i++) {
            if (getByte(address + i) != ascii[i]) {
                return false;
            }
        }
        return getByte(address + ascii.length) == 0;
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException) {
            return (RuntimeException) t;
        }
        if (t instanceof Error) {
            throw (Error) t;
        }
        return new IllegalStateException(t);
    }
}
