package example.pointer;

import example.support.RealAddress;

import static example.support.Unsafes.U;

/**
 * A byte counter kept in native memory, Aeron-style, whose value has grown into the Java heap's address range: a
 * long carries no type, so the pointer rule takes it for a heap pointer unless the program declares the counter's
 * stores data ({@code data=example.pointer.CounterProgram$Counter}). Declared data, the counter's overflow is still
 * caught, and so is a real pointer stored with putAddress.
 */
public final class CounterProgram {
    static final class Counter {
        final long address = U.allocateMemory(8);

        void set(long bytes) {
            U.putLongVolatile(null, address, bytes); // expect: heap-pointer (unless declared data)
        }

        boolean advance(long from, long to) {
            return U.compareAndSwapLong(null, address, from, to); // expect: heap-pointer (unless declared data)
        }

        void corrupt(long bytes) {
            U.putLong(address + 4, bytes); // expect: overflow (data or not)
        }

        void link(long pointer) {
            U.putAddress(address, pointer); // expect: heap-pointer (a typed pointer store, data or not)
        }
    }

    public static void main(String[] args) {
        byte[] array = new byte[64];
        long inHeapRange = RealAddress.of(array); // a number that happens to fall in the heap's range
        Counter c = new Counter();
        for (String step : new String[] {"set", "advance", "corrupt", "link"}) {
            try {
                switch (step) {
                    case "set":
                        c.set(inHeapRange);
                        break;
                    case "advance":
                        c.advance(inHeapRange, inHeapRange + 8);
                        break;
                    case "corrupt":
                        c.corrupt(1);
                        break;
                    default:
                        c.link(inHeapRange);
                }
                System.out.println(step + " ok");
            } catch (Error e) {
                System.out.println(step + " caught " + e.getMessage());
            }
        }
        java.lang.ref.Reference.reachabilityFence(array);
    }
}
