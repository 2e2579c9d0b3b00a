package example.memory;

import static example.support.Unsafes.U;

/** Writes into memory the checker never saw: silent by default, wild-write with strict. */
public final class UnknownMemoryProgram {
    public static void main(String[] args) {
        long block = Untracked.malloc(64);
        try {
            U.putLong(block + 8, 1); // expect: wild-write
            System.out.println("written");
        } catch (Error e) {
            System.out.println("caught " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        try {
            U.freeMemory(block); // expect: invalid-free
            System.out.println("freed");
        } catch (Error e) {
            System.out.println("caught " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
