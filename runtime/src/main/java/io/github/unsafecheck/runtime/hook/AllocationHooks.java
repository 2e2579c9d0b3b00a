package io.github.unsafecheck.runtime.hook;

import io.github.unsafecheck.runtime.UnsafeCheckRuntime;
import io.github.unsafecheck.runtime.blocks.Allocations;
import io.github.unsafecheck.runtime.blocks.Block;
import io.github.unsafecheck.runtime.blocks.Trace;
import io.github.unsafecheck.runtime.check.DanglingPointerRule;
import io.github.unsafecheck.runtime.check.MemoryCheck;
import io.github.unsafecheck.runtime.check.MemoryFinding;
import io.github.unsafecheck.runtime.check.Outcome;
import io.github.unsafecheck.runtime.check.ThreadContexts;
import io.github.unsafecheck.runtime.jdk.JdkSites;
import io.github.unsafecheck.runtime.raw.RawMemory;

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
        String op = JdkSites.userOp(jdkOp, site, false);
        // A free inside the JDK (a direct buffer's cleaner, an arena) is recorded but never thrown (see Outcome); and
        // the JDK frees memory it allocated before the agent started (its own direct buffers): never a finding.
        boolean insideJdk = JdkSites.isJdkClass(site);
        MemoryFinding f = MemoryCheck.free(address, UnsafeCheckRuntime.options().strict() && !insideJdk);
        if (f.allowed()) {
            if (f.block() == null) {
                return address; // never seen: passes through untouched
            }
            return release(Allocations.get(), f.block(), site, op) ? address : 0;
        }
        Outcome.free(f, op, address, insideJdk);
        // double-free, invalid-free of a tracked block: the free never reaches malloc (glibc would abort or corrupt
        // its heap); a free of an address the checker never saw (strict) passes through when it was not thrown.
        return f.block() == null ? address : 0;
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
            Outcome.free(MemoryCheck.free(address, false), op, address, false);
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
        DanglingPointerRule.freed(b, op);
        return callerFrees;
    }
}
