package example.memory;

import static example.support.Unsafes.U;

/** Leaves three blocks allocated at exit: two from one site, one from another. */
public final class LeakProgram {
    public static void main(String[] args) {
        for (int i = 0; i < 2; i++) {
            U.allocateMemory(1000); // leaked
        }
        U.allocateMemory(5000); // leaked
        U.freeMemory(U.allocateMemory(10)); // not leaked
        System.out.println("done");
    }
}
