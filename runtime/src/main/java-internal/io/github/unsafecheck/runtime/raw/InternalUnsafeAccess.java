package io.github.unsafecheck.runtime.raw;

import jdk.internal.misc.Unsafe;

/**
 * {@code jdk.internal.misc.Unsafe}, which the agent exports to the runtime: no JDK deprecation warning, so the JVM's
 * one-time warning still names the application's own class. Compiled on its own with {@code --add-exports} to
 * bytecode 17, using only methods with the same descriptor on JDK 17 and 25.
 */
final class InternalUnsafeAccess implements MemoryAccess {
    private final Unsafe u = Unsafe.getUnsafe();

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
