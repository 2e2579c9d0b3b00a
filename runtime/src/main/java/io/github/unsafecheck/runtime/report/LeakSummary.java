package io.github.unsafecheck.runtime.report;

import io.github.unsafecheck.runtime.blocks.Block;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The opt-in leak summary ({@code leaks=true}): native blocks still allocated at exit, grouped by allocation site,
 * biggest first. Direct buffers and arena segments are left out: their cleaner or arena frees them, which at exit
 * many simply have not done yet; so are JNA's {@code Memory} objects (freed by JNA's cleaner) and stack frames, pool
 * pieces and poison (the memory around them is what was allocated).
 */
public final class LeakSummary {
    private static final int SITES = 20;

    private LeakSummary() {
    }

    /**
     * A block whose library frees it through a cleaner when its owner becomes unreachable — JNA's {@code Memory} — is
     * not a leak when it is still allocated at exit, any more than a direct buffer is.
     */
    private static boolean freedByCleaner(Block b) {
        return b.allocatedThrough("com.sun.jna.Memory", "<init>");
    }

    /** The summary, or null when nothing leaked. */
    public static String of(List<Block> live) {
        Map<String, long[]> bySite = new LinkedHashMap<>();
        long bytes = 0;
        int blocks = 0;
        for (Block b : live) {
            if (!(b.origin == Block.Origin.UNSAFE || b.origin == Block.Origin.FUNCTION && !freedByCleaner(b))) {
                continue;
            }
            long[] c = bySite.computeIfAbsent(b.allocatedAt(), k -> new long[2]);
            c[0]++;
            c[1] += b.size;
            bytes += b.size;
            blocks++;
        }
        if (blocks == 0) {
            return null;
        }
        List<Map.Entry<String, long[]>> sites = new ArrayList<>(bySite.entrySet());
        sites.sort((x, y) -> Long.compare(y.getValue()[1], x.getValue()[1]));
        StringBuilder sb = new StringBuilder("unsafecheck: ").append(blocks)
                .append(blocks == 1 ? " native block" : " native blocks").append(" (").append(bytes)
                .append(" bytes) still allocated at exit, by allocation site:");
        for (int i = 0; i < Math.min(SITES, sites.size()); i++) {
            long[] c = sites.get(i).getValue();
            sb.append(String.format("%n\t%,d bytes in %d %s   allocated at %s", c[1], c[0],
                    c[0] == 1 ? "block" : "blocks", sites.get(i).getKey()));
        }
        if (sites.size() > SITES) {
            sb.append(String.format("%n\t… and %d more sites", sites.size() - SITES));
        }
        return sb.toString();
    }
}
