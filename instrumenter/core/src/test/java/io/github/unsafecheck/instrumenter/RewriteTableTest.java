package io.github.unsafecheck.instrumenter;

import io.github.unsafecheck.runtime.hook.UnsafeHooks;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Type;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The table against the two sides it connects: the JDK's Unsafe classes and the runtime's hooks. */
class RewriteTableTest {
    private final RewriteTable table = RewriteTable.standard();

    @Test
    void everyHookExistsInTheRuntimeWithThatExactDescriptor() throws Exception {
        Set<String> hooks = new HashSet<>();
        for (Class<?> c : new Class<?>[] {UnsafeHooks.class,
            Class.forName(RewriteTable.FFM_HOOKS.replace('/', '.'))}) {
            for (Method m : c.getMethods()) {
                if (Modifier.isStatic(m.getModifiers())) {
                    hooks.add(Type.getInternalName(c) + "." + m.getName() + Type.getMethodDescriptor(m));
                }
            }
        }
        assertEquals(RewriteTable.HOOKS, Type.getInternalName(UnsafeHooks.class));
        for (Rewrite r : table.all()) {
            assertTrue(hooks.contains(r.shape().hookOwner() + "." + r.shape().hook() + r.hookDescriptor()),
                    r::toString);
        }
        for (String h : new String[] {RewriteTable.REFERENCE_OFFSET + RewriteTable.REFERENCE_OFFSET_DESCRIPTOR,
            RewriteTable.ALLOCATION_SIZE + RewriteTable.ALLOCATION_SIZE_DESCRIPTOR,
            RewriteTable.REALLOC_SOURCE + RewriteTable.REALLOC_SOURCE_DESCRIPTOR}) {
            assertTrue(hooks.contains(RewriteTable.HOOKS + "." + h), h);
        }
        for (String[] vh : new String[][] {{"set", "(Ljava/lang/foreign/MemorySegment;JJ)V"},
            {"set", "(Ljava/lang/foreign/MemorySegment;JLjava/lang/foreign/MemorySegment;)V"},
            {"set", "(Ljava/lang/foreign/MemorySegment;JI)V"}}) {
            VarHandleRewrites.Site site = VarHandleRewrites.lookup(RewriteTable.VAR_HANDLE, vh[0], vh[1]);
            assertTrue(hooks.contains(RewriteTable.FFM_HOOKS + "." + site.hook + site.hookDescriptor), site.hook);
        }
    }

    @Test
    void everyEntryNamesAMethodOfThisJdk() throws Exception {
        List<String> missing = new ArrayList<>();
        for (Rewrite r : table.all()) {
            Class<?> owner = Class.forName(r.owner().replace('/', '.'));
            boolean found = false;
            for (Method m : owner.getDeclaredMethods()) {
                if (m.getName().equals(r.name()) && Type.getMethodDescriptor(m).equals(r.descriptor())) {
                    found = true;
                }
            }
            if (!found) {
                missing.add(r.target());
            }
        }
        assertEquals(List.of(), missing);
    }

    /**
     * Completeness: every public method of either Unsafe that writes, allocates or frees memory is in the table. A
     * new JDK that adds one fails this test instead of silently escaping the checker.
     */
    @Test
    void everyWriteAllocationAndFreeOfThisJdkIsCovered() throws Exception {
        Pattern stores = Pattern.compile("put.*|compareAndSwap.*|compareAndSet.*|compareAndExchange.*"
                + "|weakCompareAndSet.*|getAndSet.*|getAndAdd.*|getAndBitwise.*|setMemory|copyMemory|copySwapMemory"
                + "|allocateMemory|reallocateMemory|freeMemory");
        List<String> uncovered = new ArrayList<>();
        for (String owner : new String[] {"sun.misc.Unsafe", "jdk.internal.misc.Unsafe"}) {
            uncovered.addAll(uncoveredWrites(owner, stores));
        }
        Pattern segmentWrites = Pattern.compile("set|setAtIndex|setString|fill|copyFrom|copy");
        uncovered.addAll(uncoveredWrites("java.lang.foreign.MemorySegment", segmentWrites));
        assertEquals(List.of(), uncovered);
    }

    private List<String> uncoveredWrites(String owner, Pattern writes) throws Exception {
        List<String> uncovered = new ArrayList<>();
        {
            for (Method m : Class.forName(owner).getDeclaredMethods()) {
                boolean segment = owner.endsWith("MemorySegment");
                if (!Modifier.isPublic(m.getModifiers()) || (!segment && Modifier.isStatic(m.getModifiers()))
                        || !writes.matcher(m.getName()).matches()) {
                    continue;
                }
                if (table.lookup(owner.replace('.', '/'), m.getName(), Type.getMethodDescriptor(m)) == null) {
                    uncovered.add(owner + "." + m.getName() + Type.getMethodDescriptor(m));
                }
            }
        }
        return uncovered;
    }

    @Test
    void lookups() {
        assertNotNull(table.lookup("sun/misc/Unsafe", "putAddress", "(JJ)V"));
        assertEquals(4, table.lookup("sun/misc/Unsafe", "putInt", "(JI)V").size());
        assertEquals(Shape.WRITE_AT_BASE, table.lookup("jdk/internal/misc/Unsafe", "getAndBitwiseOrByte",
                "(Ljava/lang/Object;JB)B").shape());
        assertNull(table.lookup("sun/misc/Unsafe", "getInt", "(J)I"));
        assertNull(RewriteTable.allocationsOnly().lookup("sun/misc/Unsafe", "putInt", "(JI)V"));
        assertEquals(Shape.FREE, RewriteTable.allocationsOnly().lookup("jdk/internal/misc/Unsafe", "freeMemory",
                "(J)V").shape());
        assertNull(table.lookup("com/example/Unsafe", "putAddress", "(JJ)V"));
        assertEquals("Unsafe.putAddress", table.lookup("sun/misc/Unsafe", "putAddress", "(JJ)V").op());
        assertEquals("jdk.internal.misc.Unsafe.putReference",
                table.lookup("jdk/internal/misc/Unsafe", "putReference", "(Ljava/lang/Object;JLjava/lang/Object;)V").op());
    }

    @Test
    void preFilterMatchesExactConstantPoolNamesOnly() {
        ConstantPoolFilter f = new ConstantPoolFilter(RewriteTable.hookedOwners());
        assertTrue(f.mayReference(InstrumentingLoader.bytesOf("io.github.unsafecheck.instrumenter.samples.UnsafeSample")));
        assertTrue(!f.mayReference(InstrumentingLoader.bytesOf("io.github.unsafecheck.instrumenter.samples.NoUnsafe")));
        assertTrue(f.mayReference(new byte[] {1, 2, 3}), "unreadable bytes go to ASM, which says what is wrong");
    }
}
