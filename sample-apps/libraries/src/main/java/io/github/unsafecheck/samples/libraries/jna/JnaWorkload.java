package io.github.unsafecheck.samples.libraries.jna;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import io.github.unsafecheck.samples.libraries.Expect;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Correct, heavy use of JNA 5's memory: {@code Memory} of many sizes written through every {@code Pointer} setter and
 * array {@code write}, shared and aligned views, {@code Memory} left to JNA's cleaner, {@code Native.malloc}/{@code free}
 * through plain {@code Pointer}s, a {@code Structure} written and read, C's {@code memset}/{@code strlen} called on
 * JNA memory, and four threads at once. Every write is a JNI call the agent checks through the hooks in
 * {@code Pointer}. Then, with the argument {@code bugs}, the bugs of {@link JnaBugs}.
 */
public final class JnaWorkload {
    /** C's library, through JNA. */
    public interface CLib extends Library {
        Pointer memset(Pointer dst, int value, long n);

        long strlen(Pointer s);
    }

    /** A C struct { int id; double weight; long long stamp; char name[16]; }. */
    @Structure.FieldOrder({"id", "weight", "stamp", "name"})
    public static class Item extends Structure {
        public int id;
        public double weight;
        public long stamp;
        public byte[] name = new byte[16];

        public Item() {
        }

        public Item(Pointer p) {
            super(p);
        }
    }

    private JnaWorkload() {
    }

    public static void main(String[] args) throws InterruptedException {
        Expect expect = new Expect();
        memory(expect);
        malloc(expect);
        structures(expect);
        threads(expect);
        if (args.length > 0 && args[0].equals("bugs")) {
            JnaBugs.run();
        }
        System.out.println("done");
    }

    static void memory(Expect expect) {
        CLib c = Native.load("c", CLib.class);
        for (int size = 64; size <= 1 << 16; size <<= 1) {
            Memory m = new Memory(size);
            m.setByte(0, (byte) 1);
            m.setShort(2, (short) 2);
            m.setInt(4, size);
            m.setLong(8, Expect.pattern(size));
            m.setDouble(16, 2.5);
            m.setPointer(24, m);
            m.setFloat(32, 1.5f);
            m.write(40, new int[] {1, 2, 3, 4}, 0, 2);
            m.setLong(size - 8, Expect.pattern(size + 1));
            expect.equal(size, m.getInt(4), "int of " + size);
            expect.equal(Expect.pattern(size), m.getLong(8), "long of " + size);
            expect.equal(Expect.pattern(size + 1), m.getLong(size - 8), "last long of " + size);
            expect.equal(2, m.getInt(44), "array write of " + size);
            expect.equal(Pointer.nativeValue(m), Pointer.nativeValue(m.getPointer(24)), "pointer of " + size);
            Pointer tail = m.share(48);
            tail.setInt(4, 77);
            expect.equal(77, m.getInt(52), "shared view");
            Memory aligned = new Memory(size + 64).align(64);
            aligned.setMemory(0, aligned.size(), (byte) 0x22);
            expect.equal(0x22, aligned.getByte(aligned.size() - 1), "aligned view, to its end");
            c.memset(m, 0x41, size - 1);
            m.setByte(size - 1, (byte) 0);
            expect.equal(size - 1L, c.strlen(m), "C wrote JNA memory");
            m.close();
        }
        for (int i = 0; i < 2000; i++) {
            new Memory(64 + i % 100).setLong(0, Expect.pattern(i)); // left to JNA's cleaner
        }
        System.gc();
        expect.done("memory");
    }

    static void malloc(Expect expect) {
        long[] blocks = new long[100];
        for (int i = 0; i < blocks.length; i++) {
            blocks[i] = Native.malloc(8L * (i + 1) + 3);
            Pointer p = new Pointer(blocks[i]);
            for (int j = 0; j <= i; j++) {
                p.setLong(8L * j, Expect.pattern(i * 1000L + j));
            }
            p.write(8L * (i + 1), new byte[] {9, 8, 7}, 0, 3);
        }
        for (int i = 0; i < blocks.length; i++) {
            Pointer p = new Pointer(blocks[i]);
            expect.equal(Expect.pattern(i * 1000L + i), p.getLong(8L * i), "last long of block " + i);
            expect.equal(7, p.getByte(8L * (i + 1) + 2), "bytes of block " + i);
            Native.free(blocks[i]);
        }
        expect.done("native-malloc");
    }

    static void structures(Expect expect) {
        Memory backing = new Memory(new Item().size() * 10L);
        for (int i = 0; i < 10; i++) {
            Item item = new Item(backing.share((long) i * new Item().size()));
            item.id = i;
            item.weight = i * 0.5;
            item.stamp = Expect.pattern(i);
            byte[] name = ("item-" + i).getBytes();
            System.arraycopy(name, 0, item.name, 0, name.length);
            item.write();
        }
        for (int i = 0; i < 10; i++) {
            Item item = new Item(backing.share((long) i * new Item().size()));
            item.read();
            expect.equal(i, item.id, "id " + i);
            expect.equal(Expect.pattern(i), item.stamp, "stamp " + i);
            expect.equal("item-" + i, new String(item.name).trim(), "name " + i);
        }
        backing.close();
        expect.done("structures");
    }

    static void threads(Expect expect) throws InterruptedException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> ts = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int id = t;
            ts.add(new Thread(() -> {
                try {
                    for (int i = 0; i < 2_000; i++) {
                        Memory m = new Memory(32);
                        m.setLong(0, Expect.pattern(id * 10_000L + i));
                        m.setInt(28, i);
                        if (m.getLong(0) != Expect.pattern(id * 10_000L + i) || m.getInt(28) != i) {
                            throw new AssertionError("thread " + id + " read back wrong data");
                        }
                        m.close();
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }));
        }
        ts.forEach(Thread::start);
        for (Thread t : ts) {
            t.join();
        }
        expect.isTrue(failure.get() == null, "threads: " + failure.get());
        expect.done("threads");
    }
}
