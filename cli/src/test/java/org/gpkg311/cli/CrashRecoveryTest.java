package org.gpkg311.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.gpkg311.pipeline.WorkFolders;
import org.gpkg311.sample.SampleCity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code kill -9} of a real CLI process at named points of a run (before staging, while a GeoPackage's
 * temporary file is written, after staging the first GeoPackage, after the first file of the commit), over an
 * output folder that holds a complete earlier run. The killed run leaves the earlier set readable through its
 * manifest; the next run removes and reports the leftovers and leaves one complete set of one run.
 */
class CrashRecoveryTest {

    private static final Path DIR = Path.of("target", "crash").toAbsolutePath();
    private static final Path SAMPLE = DIR.resolve("sample");
    private static final Path BASELINE = DIR.resolve("baseline");
    /** Fast generators keep the test short; the protocol is the same for eleven. */
    private static final List<String> ONLY = List.of("trendDirection", "serviceEfficiency", "serviceTypeInsights");
    /** An earlier as-of than the data's latest: the baseline is a different, older run than the killed one. */
    private static final String EARLIER = "2025-11-10T23:59:59Z";

    @BeforeAll
    static void baseline() throws IOException {
        WorkFolders.delete(DIR);
        SampleCity.write(SAMPLE, SampleCity.DEFAULT_SEED);
        assertEquals(0, Main.run(args(BASELINE, DIR.resolve("work-baseline"), "--as-of", EARLIER)));
        PublishedSet.assertOneCompleteSet(BASELINE, ONLY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"beforeStaging", "midWrite", "midStaging", "midCommit"})
    void aKilledRunLeavesThePreviousSetAndTheNextRunCleansUp(String point) throws Exception {
        Path out = DIR.resolve("out-" + point);
        Path work = DIR.resolve("work-" + point);
        WorkFolders.delete(out);
        copyTree(BASELINE, out);
        String before = PublishedSet.sha256(out.resolve("manifest.json"));

        long pid = runUntilPausedThenKill(point, out, work);

        // The manifest still names the earlier, complete run; leftovers of the killed process are there to clean.
        assertEquals(before, PublishedSet.sha256(out.resolve("manifest.json")), "the manifest is untouched");
        List<Path> left = new ArrayList<>(PublishedSet.leftovers(out));
        if (Files.isDirectory(work)) {
            try (Stream<Path> s = Files.list(work)) {
                left.addAll(s.toList());
            }
        }
        assertFalse(left.isEmpty(), "the killed run left something behind at " + point);
        if (!point.equals("midCommit")) {
            assertEquals(PublishedSet.digests(BASELINE), withoutLeftovers(PublishedSet.digests(out)),
                    "before the commit nothing public changed");
        }

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream savedErr = System.err;
        int exit;
        try (PrintStream capture = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            System.setErr(capture);
            exit = Main.run(new PrintWriter(capture, true), args(out, work));
        } finally {
            System.setErr(savedErr);
        }
        String log = err.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, log);
        assertTrue(log.contains("removed a leftover of a killed run"), log);
        assertTrue(log.contains("p" + pid + "-") || log.contains(".staging"), "the report names what it removed: " + log);
        String runId = PublishedSet.assertOneCompleteSet(out, ONLY);
        assertNotEquals(PublishedSet.assertOneCompleteSet(BASELINE, ONLY), runId, "the newer run replaced the set");
        try (Stream<Path> s = Files.list(work)) {
            assertEquals(List.of(), s.toList(), "the work root holds nothing");
        }
    }

    /** Starts the CLI in its own JVM, waits until it reports the point, then SIGKILLs it and reaps it. */
    private static long runUntilPausedThenKill(String point, Path out, Path work) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(java, "-Dgpkg311.pauseAt=" + point, "-cp", cp, Main.class.getName()));
        cmd.addAll(List.of(args(out, work)));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        StringBuilder seen = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                seen.append(line).append('\n');
                if (line.equals("gpkg311: paused at " + point)) break;
            }
            assertTrue(seen.toString().contains("paused at " + point), "the run reached " + point + ":\n" + seen);
            p.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        }
        assertEquals(137, p.exitValue(), "killed by SIGKILL");
        return p.pid();
    }

    private static String[] args(Path out, Path work, String... more) {
        List<String> a = new ArrayList<>(List.of("generate", "--input", SAMPLE.toString(), "--output", out.toString(),
                "--work-dir", work.toString(), "--threads", "2", "--only", String.join(",", ONLY)));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    private static Map<String, String> withoutLeftovers(Map<String, String> digests) {
        digests.keySet().removeIf(k -> k.startsWith(".staging") || k.contains(".incoming-"));
        return digests;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
    }
}
