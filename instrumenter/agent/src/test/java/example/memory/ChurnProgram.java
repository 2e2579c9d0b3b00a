package example.memory;

import io.github.unsafecheck.runtime.UnsafeCheck;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static example.support.Unsafes.U;

/**
 * Correct code under load, the Java cousins of the Go patch's finalizer case (expect: none): direct buffers and
 * Cleaner-released blocks churned with System.gc() while files are opened; then 4 threads × 100k
 * allocate / fill / link / free. Prints the checker's live-block count before and after.
 */
public final class ChurnProgram {
    private static final Cleaner CLEANER = Cleaner.create();

    public static void main(String[] args) throws Exception {
        System.gc();
        int liveBefore = UnsafeCheck.liveNativeBlocks();
        Path file = Files.createTempFile("unsafecheck-churn", ".bin");
        for (int i = 0; i < 2_000; i++) {
            ByteBuffer direct = ByteBuffer.allocateDirect(4096);
            direct.putLong(0, i);
            U.putLong(Addresses.of(direct) + 8, i);         // through its address, as Netty does
            long block = U.allocateMemory(256);
            U.setMemory(block, 256, (byte) 1);
            CLEANER.register(new Object(), () -> U.freeMemory(block)); // freed by the Cleaner thread, later
            if (i % 100 == 0) {
                try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
                    f.write(i);
                }
                System.gc();
            }
        }
        Files.delete(file);
        int threads = 4;
        int perThread = Integer.parseInt(args.length > 0 ? args[0] : "100000");
        CountDownLatch done = new CountDownLatch(threads);
        List<Throwable> failures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            new Thread(() -> {
                try {
                    linkedLists(perThread);
                } catch (Throwable e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                } finally {
                    done.countDown();
                }
            }, "churn-" + t).start();
        }
        done.await();
        for (int i = 0; i < 20 && UnsafeCheck.liveNativeBlocks() > liveBefore; i++) {
            System.gc(); // let the cleaners of the direct buffers and of the blocks above run
            Thread.sleep(50);
        }
        System.out.println("failures " + failures);
        System.out.println("live before " + liveBefore + " after " + UnsafeCheck.liveNativeBlocks());
        System.out.println("violations " + UnsafeCheck.violations());
    }

    /** Allocate, fill, link into a list, walk, free: all in bounds, all freed once. */
    static void linkedLists(int n) throws IOException {
        long head = 0;
        for (int i = 0; i < n; i++) {
            long node = U.allocateMemory(32);
            U.setMemory(node, 32, (byte) 0);
            U.putLong(node, i);
            U.putInt(node + 8, i);
            U.putAddress(node + 16, head);
            head = node;
            if ((i & 255) == 255) {
                while (head != 0) {
                    long next = U.getAddress(head + 16);
                    U.freeMemory(head);
                    head = next;
                }
            }
        }
        while (head != 0) {
            long next = U.getAddress(head + 16);
            U.freeMemory(head);
            head = next;
        }
    }
}
