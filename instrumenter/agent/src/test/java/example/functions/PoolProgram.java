package example.functions;

import static example.support.Unsafes.U;

/**
 * The test's own allocator ({@link Pool}) declared with {@code track=}: correct use, read back, then one bug per
 * mark. In report mode every mark is recorded; in throw mode each is stopped before it happens and the memory and
 * the pool's free list are unchanged.
 */
public final class PoolProgram {
    private PoolProgram() {
    }

    public static void main(String[] args) {
        Pool pool = new Pool(1 << 16);
        // Correct use: every byte of each piece written and read back, pieces given back and taken again.
        long[] pieces = new long[16];
        for (int i = 0; i < pieces.length; i++) {
            pieces[i] = pool.take(40 + i);
            for (int b = 0; b < 40 + i; b++) {
                U.putByte(pieces[i] + b, (byte) (i + b));
            }
        }
        for (int i = 0; i < pieces.length; i++) {
            for (int b = 0; b < 40 + i; b++) {
                check(U.getByte(pieces[i] + b) == (byte) (i + b), "piece " + i + " byte " + b);
            }
            pool.give(pieces[i]);
        }
        long zeros = pool.zeroed(8, 8);
        check(U.getLong(zeros + 56) == 0, "calloc'd memory is zero");
        U.putLong(zeros + 56, 0x1234L);
        long grown = pool.resize(zeros, 256);
        check(U.getLong(grown + 56) == 0x1234L, "resize kept the data");
        U.putLong(grown + 248, 1L);
        pool.give(grown);
        System.out.println("correct use done, free pieces " + pool.freePieces());

        long piece = pool.take(64);
        attempt("overflow", () -> U.putLong(piece + 60, -1L)); // expect: overflow
        check(U.getInt(piece + 56) != -1 || U.getInt(piece + 60) != -1 || !args[0].equals("throw"),
                "the overflow was stopped");
        long old = pool.take(32);
        long moved = pool.resize(old, 128);
        if (!args[0].equals("no-quarantine")) {
            // Without quarantine the old piece is back on the pool's free list at once: this write would corrupt
            // the list's link (and crash the pool later), and nothing holds the memory for the checker to see it.
            attempt("stale", () -> U.putInt(old, 7)); // expect: use-after-free
        }
        pool.give(moved);
        int freeBefore = pool.freePieces();
        pool.give(piece);
        attempt("use after give", () -> U.putLong(piece + 8, 1L)); // expect: use-after-free
        attempt("double give", () -> pool.give(piece)); // expect: double-free
        attempt("interior give", () -> pool.give(pool.take(48) + 8)); // expect: invalid-free
        System.out.println("free list grew by " + (pool.freePieces() - freeBefore) + " (no piece on it twice)");
        long leaked = pool.take(100);
        System.out.println("leaked a piece at " + leaked + ", live pieces " + pool.live());
        System.out.println("done");
    }

    private static void attempt(String what, Runnable bad) {
        try {
            bad.run();
            System.out.println(what + ": went through");
        } catch (Error e) {
            System.out.println(what + ": caught " + e.getClass().getSimpleName());
        }
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError(what);
        }
    }
}
