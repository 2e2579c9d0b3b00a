package io.github.unsafecheck.runtime;

import io.github.unsafecheck.runtime.hook.ManagedMemoryHooks;

/**
 * For code that manages native memory itself — a pool carving pieces out of a chunk, an arena, a free list, memory
 * from JNI or {@code mmap} — and wants the checker to know what it hands out and takes back: Valgrind's
 * {@code MALLOCLIKE_BLOCK}/{@code FREELIKE_BLOCK} client requests and AddressSanitizer's manual poisoning, for Java.
 *
 * <pre>{@code
 * long piece = carve(chunk, 256);
 * ManagedMemory.allocated(piece, 256, "message buffer");   // a block: overflow past 256 bytes is reported
 * ...
 * ManagedMemory.freed(piece);                              // writes into it are use-after-free, a second freed() a double-free
 * try (ManagedMemory.Scope s = ManagedMemory.managing()) {
 *     U.putLong(piece, freeListHead);                      // the pool's own link in its free piece: allowed
 * }
 * ManagedMemory.poison(reserve, reserveBytes);             // never to be touched until unpoisoned: use-after-poison
 * ManagedMemory.unpoison(reserve, 4096);
 * }</pre>
 *
 * A block declared inside memory the checker already tracks (a chunk from {@code allocateMemory}, a direct buffer, an
 * arena segment) lies inside that block; outside any, it stands alone. Nothing here allocates or frees memory: the
 * checker only learns what the program says. Compile against {@code unsafecheck-runtime} (scope {@code provided});
 * without the agent, and without offline instrumentation, these calls are never linked to a running checker and do
 * nothing but record into an idle one.
 *
 * <p>Rules: a write into a freed block is {@code use-after-free}; into poisoned bytes, {@code use-after-poison} — a
 * rule of its own (AddressSanitizer's name), because poisoned memory need not ever have been allocated: a pool's
 * untouched reserve, padding between pieces. A second {@code freed} of a block is {@code double-free}; {@code freed}
 * of an address inside a block but not its start is {@code invalid-free} (as is, with {@code strict}, an address never
 * declared).
 */
public final class ManagedMemory {
    private static final Scope SCOPE = new Scope();

    private ManagedMemory() {
    }

    /**
     * Declares {@code [base, base + size)} handed out by the program's own allocator. {@code kind} is what reports
     * call it ({@code "message buffer"}, {@code "pool chunk piece"}); null for the default.
     */
    public static void allocated(long base, long size, String kind) {
        ManagedMemoryHooks.allocated(base, size, kind);
    }

    /**
     * Declares the block at {@code base} (declared with {@link #allocated}) taken back. Throws
     * {@code UnsafeWriteError} in throw mode when it was freed already or is not a block's start.
     */
    public static void freed(long base) {
        ManagedMemoryHooks.freed(base);
    }

    /** Marks {@code [address, address + length)} as not to be touched: reads and writes are reported. */
    public static void poison(long address, long length) {
        ManagedMemoryHooks.poison(address, length);
    }

    /** Lifts the poison from {@code [address, address + length)}; poison around it stays. */
    public static void unpoison(long address, long length) {
        ManagedMemoryHooks.unpoison(address, length);
    }

    /**
     * Enters the allocator's own bookkeeping on this thread: until the scope is closed, writes and reads into memory
     * this program poisoned or freed through {@code ManagedMemory} are allowed (a pool writing the free-list link into
     * a piece it just took back; HotSpot's Metaspace and Go's {@code mallocing} have the same exemption). Nothing else
     * is exempt: an overflow, or a write into memory another allocator freed, is still reported. Scopes nest; closing
     * one is allocation-free.
     */
    public static Scope managing() {
        ManagedMemoryHooks.enterManaging();
        return SCOPE;
    }

    /** True while this thread is inside {@link #managing()}. */
    public static boolean isManaging() {
        return ManagedMemoryHooks.isManaging();
    }

    /** The scope of {@link #managing()}: close it (try-with-resources) when the bookkeeping is done. */
    public static final class Scope implements AutoCloseable {
        private Scope() {
        }

        @Override
        public void close() {
            ManagedMemoryHooks.exitManaging();
        }
    }
}
