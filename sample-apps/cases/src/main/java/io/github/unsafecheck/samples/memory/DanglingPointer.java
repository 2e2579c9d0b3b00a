package io.github.unsafecheck.samples.memory;

import static io.github.unsafecheck.samples.support.Unsafes.U;

/**
 * A dangling pointer: a parent struct keeps the address of its child, and the child is freed first. Nothing is
 * wrong yet; the next use of {@code parent->child} is a use after free, possibly much later and in other code.
 *
 * <p>Opt-in ({@code rules=all}, or {@code rules=…:dangling}): unsafecheck remembers where checked stores left
 * pointers to tracked blocks, and when a block is freed it reports the pointers to it still held in live native
 * memory, naming where each was stored: rule {@code dangling-pointer}. A report, never an exception.
 */
// options: rules=all
public final class DanglingPointer {
    public static void main(String[] args) {
        long child = U.allocateMemory(32);
        long parent = U.allocateMemory(16);       // struct parent { struct child *child; long flags; }
        U.putAddress(parent, child);
        U.freeMemory(child); // expect: dangling-pointer
        System.out.printf("freed the child 0x%x; the parent still points at it: 0x%x%n", child, U.getAddress(parent));
        U.freeMemory(parent);
    }
}
