package org.gpkg311.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A local folder as storage: keys are relative paths; writes go to a temporary file beside the target, then an
 * atomic rename. Temporary files are named {@code .incoming-p<pid>-<random>.tmp}, so that a later run can tell
 * the leftovers of a killed process from the files of a live one. New files get the default permissions (the
 * umask decides, typically 0644). Every I/O error names the file.
 */
public final class LocalStorage implements Storage {

    /** A temporary file of {@link #put}: the pid of the writer, or none in the names of earlier versions. */
    public static final Pattern TEMP_FILE = Pattern.compile("\\.incoming-(?:p(\\d+)-)?[0-9a-z]+\\.tmp");

    private final Path root;

    public LocalStorage(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    public Path pathOf(String key) {
        Path p = root.resolve(key).normalize();
        if (!p.startsWith(root)) throw new IllegalArgumentException("key leaves the storage root: " + key);
        return p;
    }

    /** The pid that wrote a temporary file, -1 for a temporary file of an earlier version, or null if it is none. */
    public static Long tempFileOwner(String fileName) {
        Matcher m = TEMP_FILE.matcher(fileName);
        if (!m.matches()) return null;
        return m.group(1) == null ? -1L : Long.parseLong(m.group(1));
    }

    @Override
    public List<StoredObject> list(String prefix) throws IOException {
        if (!Files.isDirectory(root)) return List.of();
        List<StoredObject> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                BasicFileAttributes a;
                try {
                    a = Files.readAttributes(p, BasicFileAttributes.class);
                } catch (NoSuchFileException gone) {
                    continue; // renamed or removed by a concurrent writer while we walked
                }
                if (!a.isRegularFile() || tempFileOwner(p.getFileName().toString()) != null) continue;
                String key = root.relativize(p).toString().replace('\\', '/');
                if (key.startsWith(prefix)) out.add(new StoredObject(key, a.size(), a.lastModifiedTime().toInstant()));
            }
        } catch (java.io.UncheckedIOException e) {
            throw new IOException("cannot list " + root + ": " + e.getCause().getMessage(), e.getCause());
        }
        out.sort(Comparator.comparing(StoredObject::key));
        return out;
    }

    @Override
    public InputStream open(String key) throws IOException {
        Path p = pathOf(key);
        if (!Files.isRegularFile(p)) throw new NoSuchFileException(p.toString(), null, "no such object in " + root);
        return Files.newInputStream(p);
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(pathOf(key));
    }

    @Override
    public void put(String key, Path file, String contentType, Map<String, String> metadata) throws IOException {
        writeAtomically(pathOf(key), tmp -> {
            try (InputStream in = Files.newInputStream(file); OutputStream out = newFile(tmp)) {
                in.transferTo(out);
            }
            FaultPoints.reach(FaultPoints.MID_WRITE);
        });
    }

    @Override
    public void put(String key, byte[] bytes, String contentType, Map<String, String> metadata) throws IOException {
        writeAtomically(pathOf(key), tmp -> write(tmp, bytes));
    }

    /** Fills a temporary file beside {@code target}, then renames it over the target; the temporary never stays. */
    private static void writeAtomically(Path target, TempWriter fill) throws IOException {
        Path tmp = temp(target);
        try {
            fill.write(tmp);
            replace(tmp, target);
        } catch (IOException e) {
            throw named(e, "cannot write " + target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @FunctionalInterface
    private interface TempWriter {
        void write(Path tmp) throws IOException;
    }

    @Override
    public Versioned read(String key) throws IOException {
        Path p = pathOf(key);
        try {
            byte[] bytes = Files.readAllBytes(p);
            return new Versioned(bytes, digest(bytes));
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw named(e, "cannot read " + p);
        }
    }

    /**
     * Absent: a hard link from a complete temporary file, which fails if the name exists (atomic create-only).
     * Present: a lock on the current file, its content compared, then a rename (which leaves the lock on the
     * replaced file, so a writer who waited finds new content and gives up).
     */
    @Override
    public boolean putIf(String key, byte[] bytes, String contentType, Map<String, String> metadata, String expectedVersion)
            throws IOException {
        Path target = pathOf(key);
        Path tmp = temp(target);
        try {
            write(tmp, bytes);
            if (expectedVersion == null) {
                try {
                    Files.createLink(target, tmp);
                    return true;
                } catch (FileAlreadyExistsException e) {
                    return false;
                }
            }
            try (FileChannel current = FileChannel.open(target, StandardOpenOption.READ, StandardOpenOption.WRITE);
                 FileLock lock = current.lock()) {
                Versioned now = read(key);
                if (now == null || !now.version().equals(expectedVersion)) return false;
                replace(tmp, target);
                return true;
            } catch (NoSuchFileException e) {
                return false;
            }
        } catch (IOException e) {
            throw named(e, "cannot write " + target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** A hard link where the file system allows it (no bytes copied), else a copy; then an atomic rename. */
    @Override
    public void copy(String fromKey, String toKey) throws IOException {
        Path from = pathOf(fromKey);
        Path target = pathOf(toKey);
        Path tmp = temp(target);
        try {
            try {
                Files.createLink(tmp, from);
            } catch (UnsupportedOperationException | java.nio.file.FileSystemException e) {
                if (!Files.isRegularFile(from)) throw new NoSuchFileException(from.toString());
                Files.copy(from, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            replace(tmp, target);
        } catch (IOException e) {
            throw named(e, "cannot copy " + from + " to " + target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Removes the file, then its folders up to the root while they are empty. */
    @Override
    public void delete(String key) throws IOException {
        Path p = pathOf(key);
        try {
            Files.deleteIfExists(p);
            for (Path dir = p.getParent(); dir != null && dir.startsWith(root) && !dir.equals(root); dir = dir.getParent()) {
                try (Stream<Path> s = Files.list(dir)) {
                    if (s.findAny().isPresent()) break;
                }
                Files.deleteIfExists(dir);
            }
        } catch (NoSuchFileException e) {
            // removed concurrently: fine
        } catch (java.nio.file.DirectoryNotEmptyException e) {
            // a concurrent writer added a file: the folder stays
        } catch (IOException e) {
            throw named(e, "cannot delete " + p);
        }
    }

    @Override
    public String locate(String key) {
        return pathOf(key).toString();
    }

    @Override
    public String describe() {
        return root.toString();
    }

    private static Path temp(Path target) throws IOException {
        try {
            Files.createDirectories(target.getParent());
        } catch (IOException e) {
            throw named(e, "cannot create folder " + target.getParent());
        }
        String tail = Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
        return target.resolveSibling(".incoming-p" + ProcessHandle.current().pid() + "-" + tail + ".tmp");
    }

    /** Created fresh, so that the umask (not createTempFile's 0600) sets its permissions. */
    private static OutputStream newFile(Path p) throws IOException {
        return Files.newOutputStream(p, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    private static void write(Path p, byte[] bytes) throws IOException {
        try (OutputStream out = newFile(p)) {
            out.write(bytes);
        }
    }

    private static void replace(Path tmp, Path target) throws IOException {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The JDK's message for a full disk ("No space left on device") names no file: this one does. */
    private static IOException named(IOException e, String what) {
        String m = e.getMessage();
        if (m != null && m.contains(what.substring(what.lastIndexOf(' ') + 1))) return e;
        IOException out = new IOException(what + ": " + (m == null ? e.getClass().getSimpleName() : m), e);
        return out;
    }

    static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
