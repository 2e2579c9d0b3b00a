package example.pointer;

import example.support.RealAddress;

import static example.support.Unsafes.U;

/**
 * Stores the real address of a heap array into native memory, through the operation named by the argument.
 * Prints whether the store was stopped and whether the native slot still holds its old value.
 */
public final class HeapPointerProgram {
    static final long SENTINEL = 0x5EED_5EED_5EED_5EEDL;

    public static void main(String[] args) {
        long slot = U.allocateMemory(16);
        U.putLong(slot, SENTINEL);
        byte[] array = new byte[64];
        long heapAddress = RealAddress.of(array);
        System.out.println("heap address 0x" + Long.toHexString(heapAddress));
        try {
            store(args[0], slot, heapAddress);
            System.out.println("stored");
        } catch (Error e) {
            System.out.println("caught " + e.getClass().getName() + ": " + e.getMessage());
        }
        System.out.println("slot " + (U.getLong(slot) == SENTINEL ? "unchanged" : "changed"));
        java.lang.ref.Reference.reachabilityFence(array);
    }

    static void store(String op, long slot, long value) {
        switch (op) {
            case "putAddress":
                U.putAddress(slot, value); // expect: heap-pointer
                break;
            case "putLong":
                U.putLong(slot, value); // expect: heap-pointer
                break;
            case "putLongNullBase":
                U.putLong(null, slot, value); // expect: heap-pointer
                break;
            case "putLongVolatile":
                U.putLongVolatile(null, slot, value); // expect: heap-pointer
                break;
            case "putOrderedLong":
                U.putOrderedLong(null, slot, value); // expect: heap-pointer
                break;
            case "compareAndSwapLong":
                U.compareAndSwapLong(null, slot, SENTINEL, value); // expect: heap-pointer
                break;
            case "getAndSetLong":
                U.getAndSetLong(null, slot, value); // expect: heap-pointer
                break;
            case "lambda":
                Runnable r = () -> U.putAddress(slot, value); // expect: heap-pointer
                r.run();
                break;
            default:
                throw new IllegalArgumentException(op);
        }
    }
}
