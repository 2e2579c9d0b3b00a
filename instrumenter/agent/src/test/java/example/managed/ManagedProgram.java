package example.managed;

import io.github.unsafecheck.runtime.ManagedMemory;

import static example.support.Unsafes.U;

/**
 * A program whose own slab allocator ({@link Slab}) tells the checker what it hands out and takes back through the
 * public API: correct use, read back; then one bug per mark; then bad arguments to the API.
 */
public final class ManagedProgram {
    private ManagedProgram() {
    }

    public static void main(String[] args) {
        Slab slab = new Slab(64, 32);
        long[] taken = new long[20];
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < taken.length; i++) {
                taken[i] = slab.take();
                for (int b = 0; b < 64; b += 8) {
                    U.putLong(taken[i] + b, round * 1000L + i * 10L + b);
                }
            }
            for (int i = 0; i < taken.length; i++) {
                for (int b = 0; b < 64; b += 8) {
                    check(U.getLong(taken[i] + b) == round * 1000L + i * 10L + b, "round " + round + " piece " + i);
                }
                slab.give(taken[i]);
            }
        }
        System.out.println("correct use done, free pieces " + slab.freePieces());

        long piece = slab.take();
        attempt("overflow", () -> U.putLong(piece + 60, -1L)); // expect: overflow
        attempt("reserve", () -> U.putLong(slab.reserve() + 8, -1L)); // expect: use-after-poison
        slab.give(piece);
        attempt("use after give", () -> U.putInt(piece + 16, 7)); // expect: use-after-free
        attempt("double give", () -> ManagedMemory.freed(piece)); // expect: double-free
        long other = slab.take();
        attempt("interior give", () -> ManagedMemory.freed(other + 8)); // expect: invalid-free
        System.out.println("free pieces " + slab.freePieces() + ", managing " + ManagedMemory.isManaging());

        for (long[] bad : new long[][] {{0, 8}, {other, 0}, {other, -1}}) {
            try {
                ManagedMemory.allocated(bad[0], bad[1], "bad");
                System.out.println("allocated(" + bad[0] + ", " + bad[1] + ") accepted");
            } catch (IllegalArgumentException e) {
                System.out.println("rejected: " + e.getMessage());
            }
        }
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
