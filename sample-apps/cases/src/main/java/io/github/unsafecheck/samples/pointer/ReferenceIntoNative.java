package io.github.unsafecheck.samples.pointer;

import java.util.ArrayList;
import java.util.List;

import static io.github.unsafecheck.samples.support.Unsafes.U;

/**
 * An object reference stored at a native address with {@code putObject(null, address, object)}. HotSpot's GC
 * barriers treat the destination as a slot of the Java heap: the JVM crashes (SIGSEGV in a GC barrier, an
 * {@code hs_err} file), here at once — in a real program, often later and in another thread. When the bookkeeping
 * address the barrier computes from the native one happens to be mapped, it writes there instead, silently.
 *
 * <p>Under unsafecheck the store is stopped before it happens: rule {@code heap-reference}.
 */
public final class ReferenceIntoNative {
    public static void main(String[] args) {
        List<String> session = new ArrayList<>(List.of("alice", "bob"));
        long slot = U.allocateMemory(8);
        U.putLong(slot, 0);
        System.out.printf("storing a reference to a %s at native address 0x%x%n", session.getClass().getName(), slot);
        U.putObject(null, slot, session); // expect: heap-reference
        System.gc();
        System.out.println("still running after the store and a GC");
    }
}
