package io.github.unsafecheck.runtime.check;

import io.github.unsafecheck.runtime.AllocatorContext;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThreadContextsTest {
    @Test
    void allocatorContextNestsAndIsPerThread() throws Exception {
        AllocatorContext.enter();
        AllocatorContext.enter();
        try {
            assertTrue(ThreadContexts.inAllocatorContext());
            AtomicBoolean other = new AtomicBoolean(true);
            Thread t = new Thread(() -> other.set(ThreadContexts.inAllocatorContext()));
            t.start();
            t.join();
            assertFalse(other.get(), "another thread is not in this thread's allocator");
            AllocatorContext.exit();
            assertTrue(ThreadContexts.inAllocatorContext(), "still one level deep");
        } finally {
            AllocatorContext.exit();
        }
        assertFalse(ThreadContexts.inAllocatorContext());
        AllocatorContext.exit(); // an unbalanced exit must not make the depth negative
        AllocatorContext.enter();
        assertTrue(ThreadContexts.inAllocatorContext());
        AllocatorContext.exit();
    }

    @Test
    void checkerContext() {
        assertFalse(ThreadContexts.inCheckerContext());
        ThreadContexts.enterChecker();
        assertTrue(ThreadContexts.inCheckerContext());
        ThreadContexts.exitChecker();
        assertFalse(ThreadContexts.inCheckerContext());
    }
}
