package org.gpkg311.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.gpkg311.pipeline.WorkFolders;
import org.gpkg311.sample.SampleCity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The output folder, or the work folder, on a real, small tmpfs that the test mounts and fills: the run fails
 * with exit 3 (the environment, not the input) and a line naming the file, the previous set is byte-identical
 * and nothing is left behind. Skipped, with the reason printed, only where mounting is impossible (not root, no
 * CAP_SYS_ADMIN).
 */
class FullDiskTest {

    private static final Path DIR = Path.of("target", "full-disk").toAbsolutePath();
    private static final Path MOUNT = DIR.resolve("mnt");
    private static final List<String> ONLY = List.of("trendDirection");
    /** Several files: they copy the shared request rows from one base file in the work folder. */
    private static final List<String> SHARING = List.of("trendDirection", "serviceEfficiency", "serviceTypeInsights");
    private boolean mounted;

    @Test
    void aFullDiskExitsThreeAndLeavesThePreviousSet() throws Exception {
        WorkFolders.delete(DIR.resolve("sample"));
        Files.createDirectories(MOUNT);
        mounted = mount();
        Path sample = DIR.resolve("sample");
        SampleCity.write(sample, SampleCity.DEFAULT_SEED);
        Path out = MOUNT.resolve("out");
        assertEquals(0, Main.run(args(sample, out, "--as-of", "2025-11-10T23:59:59Z")), "the earlier run fits");
        PublishedSet.assertOneCompleteSet(out, ONLY);
        Map<String, String> before = PublishedSet.digests(out);

        Path filler = MOUNT.resolve("filler");
        fill(filler);

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true), args(sample, out));
        String message = err.toString(StandardCharsets.UTF_8);

        assertEquals(ErrorReporter.ENVIRONMENT, exit, message);
        assertTrue(message.contains("No space left on device"), message);
        assertTrue(message.contains(out.toString()), "the line names the file: " + message);
        assertEquals(1, message.lines().filter(l -> l.startsWith("gpkg311: error:")).count(), message);
        Files.delete(filler);
        assertEquals(before, PublishedSet.digests(out), "the previous set is byte-identical, nothing left behind");
    }

    /* The work folder fills while the run writes the base file of the shared request rows (6 MB left; the
       base file needs more): every file of the run fails, and the run reports one error, not a failure of
       its error handling. */
    @Test
    void aFullWorkFolderExitsThreeAndLeavesNothingBehind() throws Exception {
        Files.createDirectories(MOUNT);
        mounted = mount();
        Path sample = DIR.resolve("sample");
        if (!Files.isDirectory(sample)) SampleCity.write(sample, SampleCity.DEFAULT_SEED);
        Path out = DIR.resolve("out-full-work");
        WorkFolders.delete(out);
        assertEquals(0, Main.run(args(sample, out, DIR.resolve("work"), SHARING, "--as-of", "2025-11-10T23:59:59Z")));
        Map<String, String> before = PublishedSet.digests(out);

        Path filler = MOUNT.resolve("filler");
        fill(filler);
        try (var channel = java.nio.channels.FileChannel.open(filler, java.nio.file.StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() - (6 << 20));
        }
        Path work = Files.createDirectories(MOUNT.resolve("work"));

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true),
                args(sample, out, work, SHARING));
        String message = err.toString(StandardCharsets.UTF_8);

        assertEquals(ErrorReporter.ENVIRONMENT, exit, message);
        assertTrue(message.contains("database or disk is full"), message);
        assertTrue(message.contains(work.toString()), "the line names the file: " + message);
        assertEquals(1, message.lines().filter(l -> l.startsWith("gpkg311: error:")).count(), message);
        try (var left = Files.list(work)) {
            assertEquals(List.of(), left.toList(), "the work folder holds nothing");
        }
        assertEquals(before, PublishedSet.digests(out), "the previous set is byte-identical");
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted) run("umount", MOUNT.toString());
    }

    private static String[] args(Path sample, Path out, String... more) {
        return args(sample, out, DIR.resolve("work"), ONLY, more);
    }

    private static String[] args(Path sample, Path out, Path work, List<String> only, String... more) {
        List<String> a = new java.util.ArrayList<>(List.of("generate", "--input", sample.toString(), "--output", out.toString(),
                "--work-dir", work.toString(), "--only", String.join(",", only)));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    /** Mounts a 48 MiB tmpfs, or skips the test saying why not. */
    private static boolean mount() throws Exception {
        String why = run("mount", "-t", "tmpfs", "-o", "size=48m,mode=0755", "tmpfs", MOUNT.toString());
        if (why != null) {
            System.err.println("FullDiskTest skipped: cannot mount a tmpfs: " + why);
            Assumptions.abort("cannot mount a tmpfs here: " + why);
        }
        return true;
    }

    /** Writes until the file system refuses: afterwards not one more block fits. */
    private static void fill(Path filler) throws IOException {
        byte[] block = new byte[1 << 16];
        try (OutputStream o = Files.newOutputStream(filler)) {
            while (true) o.write(block);
        } catch (IOException full) {
            assertTrue(String.valueOf(full.getMessage()).contains("No space left"), String.valueOf(full));
        }
        assertFalse(Files.getFileStore(filler).getUsableSpace() > block.length, "the tmpfs is full");
    }

    /** Runs a command; null on success, else its output and exit code. */
    private static String run(String... cmd) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            return e.getMessage();
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!p.waitFor(30, TimeUnit.SECONDS)) return "timed out";
        return p.exitValue() == 0 ? null : cmd[0] + " exited " + p.exitValue() + ": " + out;
    }
}
