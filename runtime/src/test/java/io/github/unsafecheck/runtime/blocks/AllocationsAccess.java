package io.github.unsafecheck.runtime.blocks;

/** Tests elsewhere in the runtime build private registries. */
public final class AllocationsAccess {
    private AllocationsAccess() {
    }

    public static Allocations create(long redzone, long quarantine, boolean stacks) {
        return new Allocations(redzone, quarantine, stacks);
    }
}
