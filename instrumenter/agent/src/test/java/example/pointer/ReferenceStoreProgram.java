package example.pointer;

import static example.support.Unsafes.U;

/**
 * Stores an object reference at a native address. Without unsafecheck HotSpot crashes: the GC's barriers treat the
 * native address as a heap slot. The program then collects garbage to show it survived.
 */
public final class ReferenceStoreProgram {
    public static void main(String[] args) {
        long slot = U.allocateMemory(16);
        U.putLong(slot, 0);
        Object value = new int[] {1, 2, 3};
        try {
            if (args.length > 0 && args[0].equals("cas")) {
                U.compareAndSwapObject(null, slot, null, value); // expect: heap-reference
            } else if (args.length > 0 && args[0].equals("null")) {
                U.putObject(null, slot, null); // expect: heap-reference
            } else {
                U.putObject(null, slot, value); // expect: heap-reference
            }
            System.out.println("stored");
        } catch (Error e) {
            System.out.println("caught " + e.getClass().getName() + ": " + e.getMessage());
        }
        System.out.println("slot " + (U.getLong(slot) == 0 ? "unchanged" : "changed"));
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        System.out.println("survived GC");
    }
}
