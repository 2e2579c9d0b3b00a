package io.github.unsafecheck.runtime.hook;

import io.github.unsafecheck.runtime.UnsafeCheckRuntime;
import io.github.unsafecheck.runtime.blocks.Allocations;
import io.github.unsafecheck.runtime.blocks.Block;
import io.github.unsafecheck.runtime.blocks.Trace;
import io.github.unsafecheck.runtime.check.MemoryCheck;
import io.github.unsafecheck.runtime.check.MemoryFinding;
import io.github.unsafecheck.runtime.check.Outcome;
import io.github.unsafecheck.runtime.check.ThreadContexts;

/**
 * What {@code ManagedMemory} does: the program's own blocks and poison as children of the tracked block that holds
 * them (see {@code Allocations.trackInside}), frees judged like heap frees but only among the program's own blocks.
 * The site of each is the caller of {@code ManagedMemory}.
 *
 * <p>Nothing happens unless a checker runs: started by the agent, or configured for offline-instrumented classes
 * ({@code unsafecheck.*} system properties, which the Maven plugin's {@code instrument} goal sets). A program run
 * without either pays a volatile read per call and starts nothing.
 */
public final class ManagedMemoryHooks {
    private static final String[] API = {"io.github.unsafecheck.runtime.ManagedMemory"};

    private ManagedMemoryHooks() {
    }

    private static boolean active() {
        return UnsafeCheckRuntime.isStarted() || UnsafeCheckRuntime.startIfConfigured();
    }

    public static void allocated(long base, long size, String kind) {
        if (base == 0 || size <= 0) {
            throw new IllegalArgumentException("unsafecheck: ManagedMemory.allocated(" + base + ", " + size
                    + "): a block needs an address and a positive size");
        }
        if (!active()) {
            return;
        }
        Allocations a = Allocations.get();
        a.trackInside(base, size, 0, Block.Origin.CLIENT, kind, Trace.inside(API, a.recordsStacks()));
    }

    public static void freed(long base) {
        if (base == 0 || !active()) {
            return;
        }
        MemoryFinding f = MemoryCheck.free(base, UnsafeCheckRuntime.options().strict(), Block.Family.CLIENT);
        if (f.allowed()) {
            if (f.block() != null) {
                Allocations a = Allocations.get();
                try {
                    a.free(f.block(), Trace.inside(API, a.recordsStacks()), null);
                } catch (IllegalStateException raced) {
                    // freed concurrently by another thread: that free won
                }
            }
            return;
        }
        Outcome.free(f, "ManagedMemory.freed", base, false);
    }

    public static void poison(long address, long length) {
        if (length <= 0 || !active()) {
            return;
        }
        Allocations a = Allocations.get();
        a.poison(address, address + length, Trace.inside(API, a.recordsStacks()));
    }

    public static void unpoison(long address, long length) {
        if (length > 0 && active()) {
            Allocations.get().unpoison(address, address + length);
        }
    }

    public static void enterManaging() {
        ThreadContexts.enterManaging();
    }

    public static void exitManaging() {
        ThreadContexts.exitManaging();
    }

    public static boolean isManaging() {
        return ThreadContexts.inManagingContext();
    }
}
