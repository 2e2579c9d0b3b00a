package example.memory;

import java.nio.ByteBuffer;

import static example.support.Unsafes.U;

/** Writes past the end of native blocks, one case per argument. Prints what memory looks like around the end. */
public final class OverflowProgram {
    public static void main(String[] args) {
        try {
            run(args[0]);
        } catch (Error e) {
            System.out.println("caught " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        if (after != null) {
            System.out.println("past the end " + (after.get().equals(before) ? "untouched" : "changed"));
        }
        System.out.println("done");
    }

    private static String before;
    private static java.util.function.Supplier<String> after;

    static void run(String c) {
        switch (c) {
            case "tail": {
                long block = U.allocateMemory(64);
                U.putLong(block + 56, 1); // the last 8 bytes: fine
                watch(block + 60, 8);
                U.putLong(block + 60, -1L); // expect: overflow
                break;
            }
            case "direct": {
                ByteBuffer buffer = ByteBuffer.allocateDirect(100);
                long address = Addresses.of(buffer);
                U.putInt(address + 96, 7); // the last 4 bytes: fine
                watch(address + 98, 4);
                U.putInt(address + 98, 7); // expect: overflow
                break;
            }
            case "copy": {
                long source = U.allocateMemory(128);
                long destination = U.allocateMemory(64);
                U.setMemory(source, 128, (byte) 0x55);
                watch(destination + 64, 8);
                U.copyMemory(source, destination, 72); // expect: overflow
                break;
            }
            case "realloc-grow": {
                long block = U.allocateMemory(64);
                long grown = U.reallocateMemory(block, 4096);
                U.putLong(grown + 4000, 1); // inside the grown block: fine
                System.out.println(grown == block ? "kept the address" : "moved");
                U.putLong(block + 8, 2); // expect: use-after-free
                break;
            }
            case "realloc-shrink": {
                long block = U.allocateMemory(64);
                U.putLong(block, 42);
                long shrunk = U.reallocateMemory(block, 32);
                U.putLong(shrunk + 24, 3); // inside the new size: fine
                System.out.println("kept contents " + (U.getLong(shrunk) == 42));
                break;
            }
            default:
                throw new IllegalArgumentException(c);
        }
    }

    private static void watch(long address, int n) {
        before = Addresses.bytes(address, n);
        after = () -> Addresses.bytes(address, n);
    }
}
