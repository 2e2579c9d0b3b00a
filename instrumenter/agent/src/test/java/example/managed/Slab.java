package example.managed;

import io.github.unsafecheck.runtime.ManagedMemory;

import static example.support.Unsafes.U;

/**
 * A slab of equal pieces inside one chunk from {@code allocateMemory}, telling the checker what it does through
 * {@link ManagedMemory}: the part of the chunk not handed out yet is poisoned; a piece handed out is a block; a piece
 * given back is freed, and its first 8 bytes become the free-list link — the slab's own bookkeeping, written inside
 * {@link ManagedMemory#managing()}.
 */
public final class Slab {
    private final long chunk;
    private final long pieceSize;
    private final int pieces;
    private int bumped;
    private long free;

    public Slab(long pieceSize, int pieces) {
        this.pieceSize = pieceSize;
        this.pieces = pieces;
        this.chunk = U.allocateMemory(pieceSize * pieces);
        ManagedMemory.poison(chunk, pieceSize * pieces);
    }

    public long take() {
        long p;
        if (free != 0) {
            p = free;
            try (ManagedMemory.Scope s = ManagedMemory.managing()) {
                free = U.getLong(p);
            }
        } else if (bumped < pieces) {
            p = chunk + pieceSize * bumped++;
            ManagedMemory.unpoison(p, pieceSize);
        } else {
            return 0;
        }
        ManagedMemory.allocated(p, pieceSize, "slab piece");
        return p;
    }

    public void give(long p) {
        ManagedMemory.freed(p);
        try (ManagedMemory.Scope s = ManagedMemory.managing()) {
            U.putLong(p, free); // the link, in a piece the slab just took back: its own bookkeeping
        }
        free = p;
    }

    public long reserve() {
        return chunk + pieceSize * bumped;
    }

    /** Free pieces, counted up to a bound (a piece on the list twice makes it loop). */
    public int freePieces() {
        int n = 0;
        for (long p = free; p != 0 && n <= pieces; p = U.getLong(p)) {
            n++;
        }
        return n;
    }
}
