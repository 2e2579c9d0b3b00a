package io.github.unsafecheck.samples.pointer;

import io.github.unsafecheck.runtime.PersistentMemory;

import java.util.ArrayList;
import java.util.List;

import static io.github.unsafecheck.samples.support.Unsafes.U;
import static io.github.unsafecheck.samples.support.Unsafes.addressOf;

/**
 * Persistent memory may hold heap pointers (expect: none). Go's runtime keeps Go pointers in memory from
 * {@code persistentalloc}, which is never freed and which the runtime itself manages; the seed patch of unsafecheck
 * taught Go's checker to let such writes through. unsafecheck has the same exemption: memory from
 * {@link PersistentMemory#allocate}, or native memory its owner {@linkplain PersistentMemory#register registers}
 * as never freed. The owner promises to keep the objects reachable (here: a static list) and to handle their moves.
 *
 * <p>Runs under the agent only: {@code PersistentMemory} is part of the runtime the agent brings.
 */
public final class PersistentTable {
    static final List<Object> ROOTS = new ArrayList<>();

    public static void main(String[] args) {
        String[] symbols = {"open", "read", "write", "close"};
        long table = PersistentMemory.allocate(symbols.length * 8L, 8);   // lives until exit, like persistentalloc
        for (int i = 0; i < symbols.length; i++) {
            ROOTS.add(symbols[i]);
            U.putAddress(table + 8L * i, addressOf(symbols[i]));
        }

        long registered = U.allocateMemory(64);                           // memory of our own, never freed,
        PersistentMemory.register(registered, 64);                        // declared persistent by its owner
        U.putLong(null, registered, addressOf(ROOTS));

        System.out.printf("a symbol table of %d heap pointers in persistent memory at 0x%x%n", symbols.length, table);
    }
}
