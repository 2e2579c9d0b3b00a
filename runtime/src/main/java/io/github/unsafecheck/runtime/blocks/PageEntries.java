package io.github.unsafecheck.runtime.blocks;

import java.util.Arrays;

/**
 * The blocks listed under one page of the {@link BlockIndex}, with each block's start and end copied into plain
 * arrays. A lookup scans the two arrays and touches only the block it finds: reading start and end from each
 * {@link Block} object instead cost a cache miss per block on a page (29 blocks on a page of 64-byte allocations),
 * and made a lookup in a cold quarantine cost microseconds (measured).
 *
 * <p>Immutable: the index replaces a page's entries, never changes them, so readers need no lock.
 */
final class PageEntries {
    final long[] starts;
    final long[] ends;
    final Block[] blocks;

    private PageEntries(long[] starts, long[] ends, Block[] blocks) {
        this.starts = starts;
        this.ends = ends;
        this.blocks = blocks;
    }

    static PageEntries of(Block b, long end) {
        return new PageEntries(new long[] {b.base}, new long[] {end}, new Block[] {b});
    }

    PageEntries with(Block b, long end) {
        int n = blocks.length;
        long[] s = Arrays.copyOf(starts, n + 1);
        long[] e = Arrays.copyOf(ends, n + 1);
        Block[] bs = Arrays.copyOf(blocks, n + 1);
        s[n] = b.base;
        e[n] = end;
        bs[n] = b;
        return new PageEntries(s, e, bs);
    }

    /** These entries without {@code b}; {@code this} if it is not listed, null if nothing is left. */
    PageEntries without(Block b) {
        int i = indexOf(b);
        if (i < 0) {
            return this;
        }
        int n = blocks.length;
        if (n == 1) {
            return null;
        }
        return new PageEntries(remove(starts, i), remove(ends, i), remove(blocks, i));
    }

    int indexOf(Block b) {
        for (int i = 0; i < blocks.length; i++) {
            if (blocks[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The innermost block whose {@code [start, end)} holds {@code address}, or null. Blocks nest (a stack frame inside
     * the stack's buffer): when more than one holds the address, the deepest wins. Only then are the blocks
     * themselves read.
     */
    Block holding(long address) {
        Block found = null;
        for (int i = 0; i < starts.length; i++) {
            if (address >= starts[i] && address < ends[i]
                    && (found == null || blocks[i].depth() > found.depth())) {
                found = blocks[i];
            }
        }
        return found;
    }

    private static long[] remove(long[] a, int i) {
        long[] out = new long[a.length - 1];
        System.arraycopy(a, 0, out, 0, i);
        System.arraycopy(a, i + 1, out, i, a.length - i - 1);
        return out;
    }

    private static Block[] remove(Block[] a, int i) {
        Block[] out = new Block[a.length - 1];
        System.arraycopy(a, 0, out, 0, i);
        System.arraycopy(a, i + 1, out, i, a.length - i - 1);
        return out;
    }
}
