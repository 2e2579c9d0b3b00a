package example.memory;

import static example.support.Unsafes.U;

/** Misuses of freed memory and of free itself. The program survives to print "survived". */
public final class FreeProgram {
    public static void main(String[] args) {
        try {
            run(args[0]);
        } catch (Error e) {
            System.out.println("caught " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        long other = U.allocateMemory(64); // malloc still works: its heap was not corrupted
        U.freeMemory(other);
        System.out.println("survived");
    }

    static void run(String c) {
        long block = U.allocateMemory(64);
        switch (c) {
            case "use-after-free":
                release(block);
                U.putInt(block + 16, 1); // expect: use-after-free
                break;
            case "double-free":
                release(block);
                U.freeMemory(block); // expect: double-free
                break;
            case "invalid-free":
                U.freeMemory(block + 16); // expect: invalid-free
                break;
            default:
                throw new IllegalArgumentException(c);
        }
    }

    static void release(long block) {
        U.freeMemory(block); // the free the reports name
    }
}
