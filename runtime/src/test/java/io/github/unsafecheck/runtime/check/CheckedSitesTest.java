package io.github.unsafecheck.runtime.check;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CheckedSitesTest {
    /** Distinct slots, each counted once however often and from however many threads its check runs. */
    @Test
    void countsEachSlotOnceUnderContention() throws Exception {
        int before = CheckedSites.count();
        int base = 3000; // slots no other test in this JVM uses
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            threads.add(new Thread(() -> {
                for (int round = 0; round < 1000; round++) {
                    for (int s = 0; s < 70; s++) {
                        CheckedSites.mark(base + s); // 70 slots: across two words of the bit set
                    }
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(before + 70, CheckedSites.count());
        CheckedSites.mark(base + SiteCache.SLOTS); // the same slot as base, after the instrumenter's wrap-around
        assertEquals(before + 70, CheckedSites.count());
    }
}
