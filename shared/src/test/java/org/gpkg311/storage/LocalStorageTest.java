package org.gpkg311.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local back end's all-or-nothing writes, conditional writes, copies and file modes, on a real folder. */
class LocalStorageTest {

    @TempDir
    Path dir;

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void createOnlyLetsExactlyOneOfManyConcurrentWritersWin() throws Exception {
        LocalStorage s = new LocalStorage(dir);
        int writers = 16;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            byte[] body = b("writer " + i);
            results.add(pool.submit(() -> {
                go.await();
                return s.putIf("runs/r1/commit.json", body, "application/json", Map.of(), null);
            }));
        }
        go.countDown();
        int won = 0;
        for (Future<Boolean> f : results) if (f.get()) won++;
        pool.shutdown();
        assertEquals(1, won, "one claim");
        assertTrue(new String(s.read("runs/r1/commit.json").bytes(), StandardCharsets.UTF_8).startsWith("writer "));
        assertNoTemporaryFiles();
    }

    @Test
    void ifMatchReplacesOnlyTheVersionRead() throws Exception {
        LocalStorage s = new LocalStorage(dir);
        assertNull(s.read("manifest.json"));
        assertTrue(s.putIf("manifest.json", b("one"), "application/json", Map.of(), null));
        String v1 = s.read("manifest.json").version();
        assertTrue(s.putIf("manifest.json", b("two"), "application/json", Map.of(), v1));
        // A writer still holding the first version loses and writes nothing.
        assertFalse(s.putIf("manifest.json", b("stale"), "application/json", Map.of(), v1));
        assertFalse(s.putIf("manifest.json", b("again"), "application/json", Map.of(), null), "exists: create-only fails");
        assertArrayEquals(b("two"), s.read("manifest.json").bytes());
        assertNoTemporaryFiles();
    }

    @Test
    void copyAndPutWriteCompleteFilesWithTheUmasksMode() throws Exception {
        LocalStorage s = new LocalStorage(dir);
        s.put("a/a.json", b("{}"), "application/json", Map.of());
        Path src = Files.writeString(dir.resolve("src.gpkg"), "gpkg");
        s.put("a/a.gpkg", src, "application/geopackage+sqlite3", Map.of());
        s.copy("a/a.json", "b/b.json");
        assertEquals("{}", Files.readString(dir.resolve("b/b.json")));
        // The same mode as a file the JDK creates plainly (the umask decides), not createTempFile's 0600.
        Set<PosixFilePermission> plain = Files.getPosixFilePermissions(Files.writeString(dir.resolve("plain"), "x"));
        assertTrue(plain.contains(PosixFilePermission.OTHERS_READ), "umask of this test run allows others to read: " + plain);
        for (String k : List.of("a/a.json", "a/a.gpkg", "b/b.json")) {
            assertEquals(plain, Files.getPosixFilePermissions(dir.resolve(k)), k);
        }
        s.delete("b/b.json");
        assertFalse(Files.exists(dir.resolve("b")), "an emptied folder goes too");
        assertNoTemporaryFiles();
    }

    @Test
    void temporaryFilesNameTheirWriter() {
        assertEquals(1234L, LocalStorage.tempFileOwner(".incoming-p1234-1x2y.tmp"));
        assertEquals(-1L, LocalStorage.tempFileOwner(".incoming-8812345678901234567.tmp"), "an earlier version's name");
        assertNull(LocalStorage.tempFileOwner("serviceEfficiency.gpkg"));
    }

    private void assertNoTemporaryFiles() throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            List<Path> temps = s.filter(p -> p.getFileName().toString().startsWith(".incoming-")).toList();
            assertEquals(List.of(), temps);
        }
    }
}
