package io.github.unsafecheck.runtime.check;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Which call sites' checks have run at least once in this JVM, for the run's end record and exit line: the proof
 * that a clean run checked something. Counted by the sites' cache slots, on the slow path only: every check that
 * misses its site's cached block comes here, and the first run of every write into native memory misses (its slot
 * starts empty). A site that only ever hits the block another site sharing its slot cached is not counted; slots are
 * hints, so the count is "at least this many", up to {@link SiteCache#SLOTS}.
 *
 * <p>Cost, on a path that then looks a block up in the page index: one read of a word that stops changing once the 64
 * slots it holds have run (so it stays shared in every core's cache); the compare-and-set runs once per slot. The
 * fast paths (step 1 of the pointer rule, the site cache) do not come here.
 */
public final class CheckedSites {
    private static final AtomicLongArray SEEN = new AtomicLongArray(SiteCache.SLOTS / Long.SIZE);

    private CheckedSites() {
    }

    /** The check of the site with this slot ran. */
    static void mark(int slot) {
        int i = (slot & (SiteCache.SLOTS - 1)) >>> 6;
        long bit = 1L << slot;
        long word = SEEN.get(i);
        while ((word & bit) == 0) {
            long was = SEEN.compareAndExchange(i, word, word | bit);
            if (was == word) {
                return;
            }
            word = was;
        }
    }

    /** Slots whose check ran at least once. */
    public static int count() {
        int n = 0;
        for (int i = 0; i < SEEN.length(); i++) {
            n += Long.bitCount(SEEN.get(i));
        }
        return n;
    }
}
