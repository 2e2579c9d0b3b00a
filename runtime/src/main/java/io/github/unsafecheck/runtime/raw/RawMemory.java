package io.github.unsafecheck.runtime.raw;

/**
 * The checker's own raw memory access: reading HotSpot's structures at start, the persistent chunks, the raw bits of
 * a reference for reports, the quarantine's real frees. It is never on a write's fast path.
 *
 * <p>It prefers {@code jdk.internal.misc.Unsafe}, which the agent exports to the runtime: that one prints no JDK 23+
 * "terminally deprecated method in sun.misc.Unsafe" warning, so the JVM's one-time warning still names the
 * application's own class. Without the agent (offline instrumentation) it falls back to {@code sun.misc.Unsafe} unless
 * the JVM runs with {@code --add-exports java.base/jdk.internal.misc=ALL-UNNAMED}.
 */
public final class RawMemory {
    private static final MemoryAccess ACCESS;
    /** Which Unsafe backs this class, for diagnostics. */
    public static final String PROVIDER;
    /** Bytes per element of an {@code Object[]}: 4 with compressed oops, 8 without. */
    public static final int REFERENCE_SIZE;
    /** Offset of element 0 of an {@code Object[]}. */
    public static final long OBJECT_ARRAY_BASE;

    static {
        MemoryAccess access;
        try {
            Class<?> internal = Class.forName("jdk.internal.misc.Unsafe");
            if (internal.getModule().isExported("jdk.internal.misc", RawMemory.class.getModule())) {
                access = new InternalUnsafeAccess();
            } else {
                access = new SunUnsafeAccess();
            }
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            try {
                access = new SunUnsafeAccess();
            } catch (ReflectiveOperationException inner) {
                throw new ExceptionInInitializerError(inner);
            }
        }
        ACCESS = access;
        PROVIDER = access instanceof InternalUnsafeAccess ? "jdk.internal.misc.Unsafe" : "sun.misc.Unsafe";
        // Static fields, not methods: reading them is no memory access and prints no warning on any JDK.
        REFERENCE_SIZE = sun.misc.Unsafe.ARRAY_OBJECT_INDEX_SCALE;
        OBJECT_ARRAY_BASE = sun.misc.Unsafe.ARRAY_OBJECT_BASE_OFFSET;
    }

    private RawMemory() {
    }

    public static long getLong(long address) {
        return ACCESS.getLong(address);
    }

    public static int getInt(long address) {
        return ACCESS.getInt(address);
    }

    public static byte getByte(long address) {
        return ACCESS.getByte(address);
    }

    public static void putLong(long address, long value) {
        ACCESS.putLong(address, value);
    }

    public static void setMemory(long address, long bytes, byte value) {
        ACCESS.setMemory(address, bytes, value);
    }

    /** Raw malloc through Unsafe: the checker's own memory, never tracked. */
    public static long allocate(long bytes) {
        return ACCESS.allocate(bytes);
    }

    /** Raw free through Unsafe: blocks leaving the quarantine really go back to malloc here. */
    public static void free(long address) {
        ACCESS.free(address);
    }

    public static void copy(long from, long to, long bytes) {
        ACCESS.copy(from, to, bytes);
    }

    /**
     * The raw bits of the reference held in {@code holder[0]}: an address without compressed oops, a narrow oop
     * (zero-extended) with them, a coloured pointer under ZGC.
     */
    public static long rawReference(Object[] holder) {
        if (REFERENCE_SIZE == 8) {
            return ACCESS.getLong(holder, OBJECT_ARRAY_BASE);
        }
        return ACCESS.getInt(holder, OBJECT_ARRAY_BASE) & 0xFFFF_FFFFL;
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
}
