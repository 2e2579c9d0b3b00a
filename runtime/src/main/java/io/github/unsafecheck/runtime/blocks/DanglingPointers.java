package io.github.unsafecheck.runtime.blocks;

import io.github.unsafecheck.runtime.raw.RawMemory;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Where checked stores left pointers into tracked blocks, so that freeing a block can name the pointers to it that
 * are still in live native memory (the {@code dangling-pointer} rule). Per target block, one entry per destination
 * address: a destination written again and again costs one entry. Entries are verified when the target is freed —
 * the destination must still be inside a live block and still hold the pointer — so stale ones cost nothing but
 * memory until then.
 */
public final class DanglingPointers {
    /** One pointer store: where, what, by whom. */
    public static final class Store {
        public final long dst;
        public final long value;
        public final String storedAt;
        public final String storedBy;
        /** The arena of the segment the store went through, or null for a store at a plain address. */
        final WeakReference<Object> holderArena;

        Store(long dst, long value, String storedAt, String storedBy, Object holderArena) {
            this.dst = dst;
            this.value = value;
            this.storedAt = storedAt;
            this.storedBy = storedBy;
            this.holderArena = holderArena == null ? null : new WeakReference<>(holderArena);
        }

        /** The holder is a segment whose arena is closing or closed (or was collected): its memory goes too. */
        boolean holderArenaGone(Predicate<Object> arenaAlive) {
            if (holderArena == null) {
                return false;
            }
            Object arena = holderArena.get();
            return arena == null || !arenaAlive.test(arena);
        }
    }

    private final Map<Block, Map<Long, Store>> byTarget = new ConcurrentHashMap<>();

    public void stored(long dst, long value, Block target, String site, String thread) {
        stored(dst, value, target, site, thread, null);
    }

    /**
     * A store through a native segment: {@code holderArena} is the segment's scope ({@code MemorySegment.Scope},
     * typed here as Object so that this class stays JDK 17 code).
     */
    public void stored(long dst, long value, Block target, String site, String thread, Object holderArena) {
        byTarget.computeIfAbsent(target, k -> new ConcurrentHashMap<>())
                .put(dst, new Store(dst, value, site, thread, holderArena));
    }

    /** The pointers to {@code freed} still stored in live memory; forgets every store that targeted it. */
    public List<Store> dangling(Block freed, Allocations allocations) {
        return dangling(freed, allocations, arena -> true);
    }

    /**
     * As {@link #dangling(Block, Allocations)}; {@code arenaAlive} says whether an arena recorded with a store is
     * still open ({@code MemorySegment.Scope.isAlive}).
     */
    public List<Store> dangling(Block freed, Allocations allocations, Predicate<Object> arenaAlive) {
        Map<Long, Store> stores = byTarget.remove(freed);
        List<Store> out = new ArrayList<>();
        if (stores == null) {
            return out;
        }
        for (Store s : stores.values()) {
            Block holder = allocations.holding(s.dst);
            if (holder != null && holder.isLive() && s.dst - holder.base + 8 <= holder.size
                    && !s.holderArenaGone(arenaAlive) && RawMemory.getLong(s.dst) == s.value) {
                out.add(s);
            }
        }
        return out;
    }
}
