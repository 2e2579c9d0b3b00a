package io.github.unsafecheck.samples.ffm;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * An arena promises that its segments cannot be used once it is closed, unless the program keeps a raw address.
 * A response cache remembers a request buffer's address as a {@code long}; the request's arena closes; the next
 * request's arena gets the same memory from malloc; and the cache's late write of a status code lands in the new
 * request, silently.
 *
 * <p>Under unsafecheck, closing the arena reports the address still stored in live native memory (rule
 * {@code dangling-pointer}, opt-in), and the write through it is stopped (rule {@code use-after-free}).
 */
// options: rules=all
public final class ClosedArena {
    private static final long STATUS = 16;              // struct request { char path[16]; long status; ... }

    public static void main(String[] args) {
        MemorySegment cache = Arena.global().allocate(JAVA_LONG);   // lives as long as the program
        Arena first = Arena.ofConfined();
        MemorySegment request = first.allocate(64);
        request.setString(0, "/index.html");
        cache.set(JAVA_LONG, 0, request.address());     // the cache keeps the raw address
        first.close(); // expect: dangling-pointer

        try (Arena second = Arena.ofConfined()) {
            MemorySegment next = second.allocate(64);
            next.setString(0, "/login");
            next.set(JAVA_LONG, STATUS, 0);                  // 0: not answered yet
            System.out.printf("first request at 0x%x (closed), second request at 0x%x%s%n", request.address(),
                    next.address(), next.address() == request.address() ? " — the same memory" : "");
            MemorySegment cached = MemorySegment.ofAddress(cache.get(JAVA_LONG, 0)).reinterpret(64);
            try {
                cached.set(JAVA_LONG, STATUS, 200); // expect: use-after-free
            } finally {
                System.out.printf("the second request (%s) now has status %d%n", next.getString(0),
                        next.get(JAVA_LONG, STATUS));
            }
        }
    }
}
