package example.pointer;

import java.util.function.BiConsumer;

import static example.support.Unsafes.U;

/**
 * A store through a method reference has no call site to rewrite: it runs unchecked, and the coverage report says
 * so (reason: method reference). The direct call next to it is rewritten.
 */
public final class MethodReferenceProgram {
    public static void main(String[] args) {
        long slot = U.allocateMemory(16);
        BiConsumer<Long, Long> put = U::putAddress; // runs unchecked: listed in the coverage report
        put.accept(slot, 1L);
        U.putAddress(slot, 2L);
        System.out.println("method reference done");
    }
}
