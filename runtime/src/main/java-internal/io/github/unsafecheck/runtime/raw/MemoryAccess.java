package io.github.unsafecheck.runtime.raw;

/**
 * The raw memory operations the checker itself needs, behind one interface so that {@link RawMemory} can call
 * whichever Unsafe is usable directly: plain calls cost nothing to set up, where method handles spin classes on a
 * cold JVM (tens of milliseconds of start-up, measured).
 */
interface MemoryAccess {
    long getLong(long address);

    int getInt(long address);

    byte getByte(long address);

    void putLong(long address, long value);

    void setMemory(long address, long bytes, byte value);

    long allocate(long bytes);

    void free(long address);

    void copy(long from, long to, long bytes);

    long getLong(Object base, long offset);

    int getInt(Object base, long offset);
}
