package io.github.unsafecheck.agent;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.jar.JarFile;

/**
 * The fallback way into the bootstrap loader (see {@link NestedRuntime}): the nested runtime jar is extracted once per
 * content (the file name carries a hash of the bytes) into a directory only this user can write, reused by later
 * JVMs, and appended to the bootstrap search path.
 */
final class BootstrapJar {
    private BootstrapJar() {
    }

    static void append(Instrumentation inst) throws IOException {
        inst.appendToBootstrapClassLoaderSearch(new JarFile(extract().toFile()));
    }

    private static Path extract() throws IOException {
        byte[] bytes;
        try (InputStream in = NestedRuntime.class.getResourceAsStream(NestedRuntime.RESOURCE)) {
            if (in == null) {
                throw new IOException(NestedRuntime.RESOURCE + " is missing from the agent jar");
            }
            bytes = in.readAllBytes();
        }
        String hash = sha256(bytes).substring(0, 16);
        Path dir = privateDirectory();
        Path target = dir.resolve("unsafecheck-runtime-" + hash + ".jar");
        if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), bytes)) {
            return target;
        }
        Path tmp = Files.createTempFile(dir, "unsafecheck-runtime-", ".tmp");
        try {
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        return target;
    }

    /** {@code <tmp>/unsafecheck-<user>}, private to this user where the file system supports it. */
    private static Path privateDirectory() throws IOException {
        String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_");
        Path dir = Paths.get(System.getProperty("java.io.tmpdir"), "unsafecheck-" + user);
        try {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (FileAlreadyExistsException e) {
            if (!isPrivate(dir)) {
                // Someone else owns it, or others may write to it: do not load a runtime from there.
                Path fresh = Files.createTempDirectory("unsafecheck-");
                fresh.toFile().deleteOnExit();
                return fresh;
            }
        } catch (UnsupportedOperationException e) {
            Files.createDirectories(dir);
        }
        return dir;
    }

    private static boolean isPrivate(Path dir) throws IOException {
        if (!Files.isDirectory(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try {
            String owner = Files.getOwner(dir).getName();
            java.util.Set<java.nio.file.attribute.PosixFilePermission> perms = Files.getPosixFilePermissions(dir);
            return owner.equals(System.getProperty("user.name"))
                    && !perms.contains(java.nio.file.attribute.PosixFilePermission.GROUP_WRITE)
                    && !perms.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_WRITE);
        } catch (UnsupportedOperationException e) {
            return true;
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            StringBuilder sb = new StringBuilder();
            for (byte b : MessageDigest.getInstance("SHA-256").digest(bytes)) {
                sb.append(String.format("%02x", b));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
