package org.gpkg311.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.gpkg311.ingest.LoopbackFeatureServer;

/**
 * Benchmark (not a test): {@code gpkg311 ingest} as a separate process (the CLI jar, the wrapper's JVM flags)
 * pulling ~50,000 rows from the loopback FeatureServer running in this JVM; wall time, CPU time and peak RSS of the
 * pull process by {@code /usr/bin/time}, pages from its progress lines; once more with a 64 MB heap, which only a
 * pull that streams page by page survives. Figures: bench/ingest-pull.md. Run: see that file.
 */
public final class IngestPullBenchmark {

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "cli/target/gpkg311.jar").toAbsolutePath();
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path work = Files.createTempDirectory("ingest-bench");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        try (var server = LoopbackFeatureServer.start(74_000, 311, Instant.parse("2025-07-01T00:00:00Z"),
                Instant.parse("2025-11-25T12:00:00Z"), 2000)) {
            System.out.printf("rows in the where: %d%n", server.rowsOpenedSince(Instant.parse("2025-08-17T00:00:00Z")));
            System.out.println("| run | heap | wall (s) | CPU user+sys (s) | peak RSS (MB) | pages | rows | object (MB) |");
            System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- |");
            List<String> heaps = new ArrayList<>();
            for (int i = 0; i < runs; i++) heaps.add("default");
            heaps.add("-Xmx64m");
            for (int i = 0; i < heaps.size(); i++) {
                Path out = work.resolve("bucket" + i);
                Path time = work.resolve("time" + i + ".txt");
                Path err = work.resolve("err" + i + ".txt");
                List<String> cmd = new ArrayList<>(List.of("/usr/bin/time", "-f", "%e %M %U %S", "-o", time.toString(), java,
                        "-XX:+UseParallelGC", "-XX:TieredStopAtLevel=1"));
                if (!heaps.get(i).equals("default")) cmd.add(heaps.get(i));
                cmd.addAll(List.of("-jar", jar.toString(), "ingest", "--service", server.layerUrl(), "--output", out.toString(),
                        "--as-of", "2025-11-24T23:59:59Z", "--work-dir", work.resolve("tmp").toString()));
                Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).redirectOutput(work.resolve("out" + i + ".txt").toFile()).start();
                if (p.waitFor() != 0) throw new IllegalStateException("ingest failed: " + Files.readString(err));
                String[] t = Files.readString(time).strip().split("\\s+");
                List<String> lines = Files.readAllLines(err);
                long pages = lines.stream().filter(l -> l.contains(" page ")).count();
                String last = lines.get(lines.size() - 1);
                Path object = Path.of(Files.readString(work.resolve("out" + i + ".txt")).strip());
                System.out.printf("| %d | %s | %s | %.1f | %d | %d | %s | %.1f |%n", i + 1, heaps.get(i), t[0],
                        Double.parseDouble(t[2]) + Double.parseDouble(t[3]), Long.parseLong(t[1]) / 1024, pages,
                        last.replaceAll("^ingest: (\\d+) rows.*", "$1"), Files.size(object) / 1e6);
            }
        }
    }
}
