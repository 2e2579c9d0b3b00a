package io.github.unsafecheck.samples.regressions;

import java.io.FileInputStream;
import java.io.IOException;
import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static io.github.unsafecheck.samples.support.Unsafes.U;
import static io.github.unsafecheck.samples.support.Unsafes.addressOf;

/**
 * Go's {@code finalizer} row (golang/go#28458, added by the seed patch): a correct program while the runtime
 * releases memory in the background. In Go, the background sweeper queued finalizers of dropped {@code os.File}s
 * into persistent memory, and the pointer checker took that for a bad write. The JVM's counterparts run here: native
 * blocks owned by Java objects and freed by a {@link Cleaner} thread once the objects are unreachable, direct
 * {@code ByteBuffer}s whose memory the GC gives back, and files opened and dropped, whose descriptors the GC's
 * cleaners close — all while the main thread keeps writing into the memory it still holds.
 *
 * <p>expect: none, under the strictest settings (every rule, {@code strict=true}) and a small quarantine, so that
 * freed blocks really go back to malloc and come back as new blocks at the same addresses.
 */
// options: strict=true,rules=all,quarantine=64k
public final class Finalizer {
    private static final Cleaner CLEANER = Cleaner.create();
    private static final AtomicInteger FREED = new AtomicInteger();
    private static final int ROUNDS = 5_000;
    private static final int SIZE = 4096;

    /** A native block owned by a Java object: the Cleaner frees it once the object is unreachable. */
    static final class NativeBuffer {
        final long address;

        NativeBuffer() {
            long a = U.allocateMemory(SIZE);
            address = a;
            CLEANER.register(this, () -> release(a));   // the action must not capture this
        }
    }

    static void release(long address) {
        U.freeMemory(address);                          // runs on the Cleaner's thread, whenever the GC says
        FREED.incrementAndGet();
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path file = Files.createTempFile("unsafecheck-finalizer", ".bin");
        List<NativeBuffer> held = new ArrayList<>();
        List<ByteBuffer> direct = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            NativeBuffer b = new NativeBuffer();
            U.setMemory(b.address, SIZE, (byte) i);
            U.putLong(b.address + 8L * (i % (SIZE / 8)), i);
            if (!held.isEmpty()) {
                U.copyMemory(held.get(held.size() - 1).address, b.address, SIZE / 2);
            }
            held.add(b);

            ByteBuffer d = ByteBuffer.allocateDirect(SIZE);
            U.putLong(addressOf(d) + SIZE - 8, i);      // through its address, as Netty does
            d.putInt(0, i);
            direct.add(d);

            if (i % 100 == 0) {
                held.clear();                           // unreachable now: the Cleaner will free them
                direct.clear();                         // the GC gives their memory back
                open(file);                             // a file nobody closes: its cleaner will
                System.gc();
            }
        }
        held.clear();
        int owned = ROUNDS;
        for (int i = 0; i < 200 && FREED.get() < owned; i++) {
            System.gc();                                // let the cleaners catch up
            Thread.sleep(10);
        }
        Files.delete(file);
        System.out.printf("%d native blocks written and dropped; %d freed by the Cleaner thread in the background%n",
                owned, FREED.get());
    }

    @SuppressWarnings("resource")
    private static void open(Path file) throws IOException {
        new FileInputStream(file.toFile()).read();      // dropped open: closed by the GC's cleaner
    }
}
