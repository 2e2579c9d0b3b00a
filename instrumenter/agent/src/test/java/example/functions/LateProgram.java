package example.functions;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Paths;

/**
 * Loads {@link Pool} from a directory the application class loader does not know (a plugin, as containers load
 * them), so that a {@code track} entry naming it can only be checked when it loads. Uses nothing else of the tests:
 * the test runs it with a class path of its own.
 */
public final class LateProgram {
    private LateProgram() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("main started");
        try (URLClassLoader plugins = new URLClassLoader(new URL[] {Paths.get(args[0]).toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            Class<?> pool = plugins.loadClass("example.functions.Pool");
            Object p = pool.getConstructor(long.class).newInstance(4096L);
            long piece = (Long) pool.getMethod("take", long.class).invoke(p, 64L);
            Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            sun.misc.Unsafe u = (sun.misc.Unsafe) f.get(null);
            Method give = pool.getMethod("give", long.class);
            give.invoke(p, piece);
            System.out.println("gave the piece back");
            try {
                give.invoke(p, piece);
                System.out.println("second give went through");
            } catch (java.lang.reflect.InvocationTargetException e) {
                System.out.println("second give: caught " + e.getCause().getClass().getSimpleName());
            }
            u.getLong(piece); // keeps the Unsafe in use: the plugin's writes are what is checked
        }
        System.out.println("done");
    }
}
