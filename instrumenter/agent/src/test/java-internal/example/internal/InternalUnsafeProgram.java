package example.internal;

import example.support.RealAddress;
import jdk.internal.misc.Unsafe;

/**
 * Agrona 2.x style: stores through {@code jdk.internal.misc.Unsafe} (run with
 * {@code --add-exports java.base/jdk.internal.misc=ALL-UNNAMED}).
 */
public final class InternalUnsafeProgram {
    private static final Unsafe U = Unsafe.getUnsafe();

    public static void main(String[] args) {
        long slot = U.allocateMemory(16);
        U.putLong(slot, 7);
        byte[] array = new byte[64];
        long heapAddress = RealAddress.of(array);
        try {
            if (args[0].equals("reference")) {
                U.putReference(null, slot, array); // expect: heap-reference
            } else if (args[0].equals("release")) {
                U.putLongRelease(null, slot, heapAddress); // expect: heap-pointer
            } else {
                U.putLong(null, slot, heapAddress); // expect: heap-pointer
            }
            System.out.println("stored");
        } catch (Error e) {
            System.out.println("caught " + e.getClass().getName() + ": " + e.getMessage());
        }
        System.out.println("slot " + (U.getLong(slot) == 7 ? "unchanged" : "changed"));
        java.lang.ref.Reference.reachabilityFence(array);
    }
}
