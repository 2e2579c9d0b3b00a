package io.github.unsafecheck.runtime.blocks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Which block holds an address, in constant time. Every block is listed under each 4 KiB page its memory and redzone
 * touch; a lookup reads the one small array of its page. Blocks spanning more than {@link #MAX_PAGED_PAGES} pages
 * (64 KiB) are few, and sit in an ordered map instead, so that one big allocation does not fill thousands of pages.
 * A page's entries keep each block's start and end in plain arrays ({@link PageEntries}), so that a lookup does not
 * touch every block on the page.
 *
 * <p>Why not one ordered map of all blocks: with the quarantine holding hundreds of thousands of freed blocks, a skip
 * list's insert and floor search were most of an allocation's cost (measured: 60% of 2.4 µs per allocate + free).
 *
 * <p>Thread safety: a page's entries are never modified, only replaced ({@code compute} on the page, which locks just
 * that page's bin); lookups are lock-free reads. The caller keeps indexed blocks from overlapping except where one
 * lies inside another (see {@link Allocations#track} and {@link Allocations#trackInside}): then the innermost holds
 * the address.
 */
final class BlockIndex {
    static final int PAGE_SHIFT = 12;
    static final long MAX_PAGED_PAGES = 16;

    private final ConcurrentHashMap<Long, PageEntries> pages = new ConcurrentHashMap<>();
    /** Keyed by {@link #largeKey}: a chunk and a child starting at its base must not share a key. */
    private final ConcurrentSkipListMap<Long, Block> large = new ConcurrentSkipListMap<>();
    private final AtomicInteger count = new AtomicInteger();

    /** The end of the bytes a block owns in the index: its memory and its redzone (at least one byte). */
    private static long end(Block b) {
        return b.base + Math.max(1, b.size + b.redzone);
    }

    private static long firstPage(Block b) {
        return b.base >>> PAGE_SHIFT;
    }

    private static long lastPage(Block b) {
        return (end(b) - 1) >>> PAGE_SHIFT;
    }

    /** Base, then depth: user-space addresses leave the top bits free (x86-64 and AArch64: below 2^56). */
    private static final int DEPTH_BITS = 8;

    private static long largeKey(long address, int depth) {
        return address << DEPTH_BITS | Math.min(depth, (1 << DEPTH_BITS) - 1);
    }

    private static long largeKey(Block b) {
        return largeKey(b.base, b.depth());
    }

    private static boolean isLarge(Block b) {
        return lastPage(b) - firstPage(b) >= MAX_PAGED_PAGES;
    }

    void add(Block b) {
        if (isLarge(b)) {
            large.put(largeKey(b), b);
        } else {
            long end = end(b);
            for (long p = firstPage(b), last = lastPage(b); p <= last; p++) {
                pages.compute(p, (k, old) -> old == null ? PageEntries.of(b, end) : old.with(b, end));
            }
        }
        count.incrementAndGet();
    }

    /** Removes this very block (not another one at the same base). */
    boolean remove(Block b) {
        boolean removed;
        if (isLarge(b)) {
            removed = large.remove(largeKey(b), b);
        } else {
            boolean[] found = new boolean[1];
            for (long p = firstPage(b), last = lastPage(b); p <= last; p++) {
                pages.computeIfPresent(p, (k, old) -> {
                    PageEntries left = old.without(b);
                    found[0] |= left != old;
                    return left;
                });
            }
            removed = found[0];
        }
        if (removed) {
            count.decrementAndGet();
        }
        return removed;
    }

    /**
     * The innermost block whose memory or redzone holds {@code address}, or null. A paged block is never larger than
     * a large one that holds it, so a paged answer is the innermost. Among large blocks the one with the highest base
     * at or below the address is either the answer or a child lying below it, whose ancestors are the candidates
     * (blocks outside a block's family do not overlap it).
     */
    Block holding(long address) {
        PageEntries here = pages.get(address >>> PAGE_SHIFT);
        if (here != null) {
            Block b = here.holding(address);
            if (b != null) {
                return b;
            }
        }
        if (large.isEmpty()) {
            return null;
        }
        Map.Entry<Long, Block> e = large.floorEntry(largeKey(address, Integer.MAX_VALUE));
        for (Block b = e == null ? null : e.getValue(); b != null; b = b.parent()) {
            if (address >= b.base && address < end(b) && contains(b)) {
                return b;
            }
        }
        return null;
    }

    private boolean contains(Block b) {
        return !isLarge(b) || large.get(largeKey(b)) == b;
    }

    /**
     * The block with the lowest base in {@code (from, to)}, or null. Walks the range's pages in order when there are
     * fewer of them than indexed pages, else all indexed pages: a huge range costs at most one pass over the index.
     */
    Block lowestStartingIn(long from, long to) {
        if (from + 1 >= to) {
            return null;
        }
        Block best = null;
        long firstPage = (from + 1) >>> PAGE_SHIFT;
        long lastPage = (to - 1) >>> PAGE_SHIFT;
        if (lastPage - firstPage < pages.size()) {
            // A block starting in page p is listed under p, so the first page with a candidate holds the lowest.
            for (long p = firstPage; p <= lastPage && best == null; p++) {
                best = lowest(pages.get(p), from, to, null);
            }
        } else {
            for (PageEntries here : pages.values()) {
                best = lowest(here, from, to, best);
            }
        }
        Map.Entry<Long, Block> big = large.higherEntry(largeKey(from, Integer.MAX_VALUE));
        if (big != null && big.getValue().base < to && (best == null || big.getValue().base < best.base)) {
            best = big.getValue();
        }
        return best;
    }

    private static Block lowest(PageEntries entries, long from, long to, Block best) {
        if (entries != null) {
            for (int i = 0; i < entries.starts.length; i++) {
                long start = entries.starts[i];
                if (start > from && start < to && (best == null || start < best.base)) {
                    best = entries.blocks[i];
                }
            }
        }
        return best;
    }

    /** The blocks whose memory or redzone overlaps {@code [from, to)}. */
    List<Block> overlapping(long from, long to) {
        List<Block> out = new ArrayList<>();
        long firstPage = from >>> PAGE_SHIFT;
        long lastPage = (to - 1) >>> PAGE_SHIFT;
        if (lastPage - firstPage < pages.size()) {
            for (long p = firstPage; p <= lastPage; p++) {
                PageEntries here = pages.get(p);
                if (here != null) {
                    for (int i = 0; i < here.starts.length; i++) {
                        if (here.starts[i] < to && here.ends[i] > from && !out.contains(here.blocks[i])) {
                            out.add(here.blocks[i]);
                        }
                    }
                }
            }
        } else {
            forEachPaged(b -> {
                if (b.base < to && end(b) > from) {
                    out.add(b);
                }
            });
        }
        if (!large.isEmpty()) {
            // Blocks starting below the range that reach into it: the nearest one, and the ones it lies in (a
            // block beside it cannot reach past it: blocks that do not nest do not overlap).
            Map.Entry<Long, Block> below = large.lowerEntry(largeKey(from, 0));
            for (Block b = below == null ? null : below.getValue(); b != null; b = b.parent()) {
                if (end(b) > from && b.base < from && contains(b) && !out.contains(b)) {
                    out.add(b);
                }
            }
            out.addAll(large.subMap(largeKey(from, 0), largeKey(to, 0)).values());
        }
        return out;
    }

    /** Each indexed block once. */
    void forEach(Consumer<Block> action) {
        forEachPaged(action);
        large.values().forEach(action);
    }

    /** Each block in the pages once: from the first page it is listed under. */
    private void forEachPaged(Consumer<Block> action) {
        for (Map.Entry<Long, PageEntries> e : pages.entrySet()) {
            for (Block b : e.getValue().blocks) {
                if (firstPage(b) == e.getKey()) {
                    action.accept(b);
                }
            }
        }
    }

    int size() {
        return count.get();
    }
}
