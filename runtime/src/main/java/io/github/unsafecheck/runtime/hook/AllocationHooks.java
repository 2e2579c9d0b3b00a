package io.github.unsafecheck.runtime.hook;

import io.github.unsafecheck.runtime.UnsafeCheckRuntime;
import io.github.unsafecheck.runtime.blocks.Allocations;
import io.github.unsafecheck.runtime.blocks.Block;
import io.github.unsafecheck.runtime.blocks.Trace;
import io.github.unsafecheck.runtime.check.MemoryFinding;
import io.github.unsafecheck.runtime.check.MemoryRule;
import io.github.unsafecheck.runtime.check.ThreadContexts;
import io.github.unsafecheck.runtime.config.Mode;
import io.github.unsafecheck.runtime.raw.RawMemory;
import io.github.unsafecheck.runtime.report.Reporter;
import io.github.unsafecheck.runtime.report.Violation;

/**
 * Allocation, reallocation and free, around the original {@code Unsafe} call, which stays at the user's call site
 * (so the JDK's deprecation warning and {@code --sun-misc-unsafe-memory-access=deny} keep naming and stopping the
 * user's class):
 *
 * <pre>
 *   allocateMemory(n)        → allocated(allocateMemory(allocationSize(n)), n)   the block gets a tail redzone
 *   freeMemory(a)            → freeMemory(freeing(a))                           0 when the block stays in quarantine
 *   reallocateMemory(a, n)   → reallocated(reallocateMemory(reallocSource(a), allocationSize(n)), a, n)
 * </pre>
 *
 * A reallocation is a free of the old block plus a new allocation, also when malloc could have grown the block in
 * place: the old block must go to quarantine so that writes through the old address are caught. Allocation hooks
 * run in allocator context.
 */
final class AllocationHooks {
    private AllocationHooks() {
    }

    static long allocationSize(long n) {
        long redzone = Allocations.get().redzone();
        return n <= 0 || n > Long.MAX_VALUE - redzone ? n : n + redzone;
    }

    /**
     * What the program called, for an allocation or free made inside the JDK: its Unsafe call is an implementation
     * detail of {@code ByteBuffer.allocateDirect} or an arena.
     */
    static String userOp(String op, String site, boolean allocation) {
        if (site.startsWith("java.nio.DirectByteBuffer")) {
            return allocation ? "ByteBuffer.allocateDirect" : "DirectByteBuffer cleaner";
        }
        if (site.startsWith("jdk.internal.foreign.")) {
            return allocation ? "Arena.allocate" : "Arena.close";
        }
        return op;
    }

    static long allocated(long address, long n, String op, String site, Block.Origin origin) {
        if (address == 0 || n <= 0) {
            return address;
        }
        ThreadContexts.enterAllocator();
        try {
            Allocations a = Allocations.get();
            long redzone = allocationSize(n) - n;
            a.track(address, n, redzone, origin, Trace.here(site, a.recordsStacks()));
            return address;
        } finally {
            ThreadContexts.exitAllocator();
        }
    }

    /** The address the original {@code freeMemory} must free: {@code a}, or 0 to keep the block (or skip the free). */
    static long freeing(long address, String jdkOp, String site) {
        if (address == 0) {
            return 0;
        }
        String op = userOp(jdkOp, site, false);
        Reporter reporter = UnsafeCheckRuntime.reporter();
        Allocations a = Allocations.get();
        // A free inside the JDK (a direct buffer's cleaner, an arena) is recorded but never thrown: an Error inside
        // the JDK's Cleaner makes it call System.exit.
        boolean jdk = Trace.isJdkSite(site);
        // The JDK frees memory it allocated before the agent started (its own direct buffers): never a finding.
        MemoryFinding f = MemoryRule.free(a, address, reporter.strict() && !jdk);
        if (f.allowed()) {
            if (f.block() == null) {
                return address; // never seen: passes through untouched
            }
            return release(a, f.block(), site, op) ? address : 0;
        }
        // double-free, invalid-free: the free never reaches malloc (glibc would abort or corrupt its heap);
        // a free of an unknown address (strict) still passes through when the mode lets it.
        boolean unknown = f.block() == null;
        boolean stopped = reporter.mode() == Mode.THROW && !jdk;
        MemoryViolations.report(reporter, f, op, Violation.Access.FREE, address, unknown ? 0 : f.block().size,
                !unknown && !stopped, !jdk);
        return unknown ? address : 0;
    }

    /**
     * The address the original {@code reallocateMemory} must start from: 0 (a fresh allocation) for a block the
     * checker tracks — {@link #reallocated} then copies and quarantines the old one — or {@code address} for memory
     * it never saw. Reallocating a freed block is a double free: reported, and (unless thrown) turned into a fresh
     * allocation that leaves the freed block alone.
     */
    static long reallocSource(long address, String op) {
        if (address == 0) {
            return 0;
        }
        Allocations a = Allocations.get();
        Block b = a.at(address);
        if (b == null) {
            return address;
        }
        if (!b.isLive()) {
            Reporter reporter = UnsafeCheckRuntime.reporter();
            MemoryViolations.report(reporter, MemoryRule.free(a, address, reporter.strict()), op,
                    Violation.Access.FREE, address, b.size, reporter.mode() != Mode.THROW, true);
        }
        return 0;
    }

    static long reallocated(long newAddress, long oldAddress, long n, String op, String site) {
        Allocations a = Allocations.get();
        Block old = oldAddress == 0 ? null : a.at(oldAddress);
        if (old != null && old.isLive()) {
            if (newAddress != 0) {
                RawMemory.copy(old.base, newAddress, Math.min(old.size, n));
            }
            if (release(a, old, site, op)) {
                RawMemory.free(old.base);
            }
        }
        return allocated(newAddress, n, op, site, Block.Origin.UNSAFE);
    }

    /** Frees a live block into quarantine; true if the caller must free the memory itself (no quarantine). */
    private static boolean release(Allocations a, Block b, String site, String op) {
        boolean callerFrees;
        try {
            callerFrees = a.free(b, Trace.here(site, a.recordsStacks()));
        } catch (IllegalStateException raced) {
            return false; // freed concurrently by another thread: that free won
        }
        DanglingPointerHooks.freed(b, op);
        return callerFrees;
    }
}
