package example.memory;

import static example.support.Unsafes.U;

/**
 * Frees 100 blocks of 64 bytes, then writes into the first and the last freed. With a quarantine of 1k only the
 * newest freed blocks are still held: the write into the first is in memory given back to malloc (unknown), the
 * write into the last a use-after-free.
 */
public final class QuarantineProgram {
    public static void main(String[] args) {
        long[] blocks = new long[100];
        for (int i = 0; i < blocks.length; i++) {
            blocks[i] = U.allocateMemory(64);
        }
        for (long b : blocks) {
            U.freeMemory(b);
        }
        write(blocks[0]);
        write(blocks[blocks.length - 1]);
        System.out.println("done");
    }

    static void write(long address) {
        try {
            U.putLong(address + 32, 1); // expect: use-after-free (past malloc's own free-list words)
            System.out.println("written");
        } catch (Error e) {
            System.out.println("caught " + e.getClass().getSimpleName());
        }
    }
}
