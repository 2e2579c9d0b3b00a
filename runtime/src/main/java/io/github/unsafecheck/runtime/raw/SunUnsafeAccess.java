package io.github.unsafecheck.runtime.raw;

import sun.misc.Unsafe;

import java.lang.reflect.Field;

/**
 * The fallback: {@code sun.misc.Unsafe}, for offline-instrumented code run without the agent (which exports
 * {@code jdk.internal.misc}). On JDK 23+ its first memory access prints the JDK's one-time deprecation warning
 * naming this class; {@code --add-exports java.base/jdk.internal.misc=ALL-UNNAMED} avoids that.
 */
@SuppressWarnings({"removal", "deprecation"})
final class SunUnsafeAccess implements MemoryAccess {
    private final Unsafe u;

    SunUnsafeAccess() throws ReflectiveOperationException {
        Field f = Unsafe.class.getDeclaredField("theUnsafe");
        f.setAccessible(true);
        u = (Unsafe) f.get(null);
    }

    @Override
    public long getLong(long address) {
        return u.getLong(address);
    }

    @Override
    public int getInt(long address) {
        return u.getInt(address);
    }

    @Override
    public byte getByte(long address) {
        return u.getByte(address);
    }

    @Override
    public void putLong(long address, long value) {
        u.putLong(address, value);
    }

    @Override
    public void setMemory(long address, long bytes, byte value) {
        u.setMemory(address, bytes, value);
    }

    @Override
    public long allocate(long bytes) {
        return u.allocateMemory(bytes);
    }

    @Override
    public void free(long address) {
        u.freeMemory(address);
    }

    @Override
    public void copy(long from, long to, long bytes) {
        u.copyMemory(from, to, bytes);
    }

    @Override
    public long getLong(Object base, long offset) {
        return u.getLong(base, offset);
    }

    @Override
    public int getInt(Object base, long offset) {
        return u.getInt(base, offset);
    }
}
