package org.gpkg311.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.gpkg311.delivery.IndexPage;
import org.gpkg311.generator.Generator;
import org.gpkg311.generator.GeneratorOutput;
import org.gpkg311.generator.Generators;
import org.gpkg311.generator.RunSettings;
import org.gpkg311.gpkg.GeoPackageWriter;
import org.gpkg311.preview.SvgMap;
import org.gpkg311.provenance.Provenance;
import org.gpkg311.snapshot.Snapshot;
import org.gpkg311.style.Classification;
import org.gpkg311.style.LayerStyle;
import org.gpkg311.style.Styles;
import org.gpkg311.summary.SummaryJson;
import org.gpkg311.table.Table;

/**
 * Micro benchmark (not a test) of what issue 13 adds to a run: bytes per file of the QGIS styles (the same
 * layers written with and without layer_styles), and warm time of the styles, the previews, the typed JSON
 * summary and the index page, on the synthetic 49k-request, 35-district snapshot of
 * {@link TimeGeneratorsBenchmark}. Run after {@code mvn -pl shared test-compile}:
 * {@code java -cp shared/target/test-classes:shared/target/classes:<dependency classpath> org.gpkg311.bench.DeliveryBenchmark}.
 */
public final class DeliveryBenchmark {

    private DeliveryBenchmark() {}

    public static void main(String[] args) throws IOException {
        if (args.length == 2 && args[0].equals("--index")) {
            indexOfRealRun(Path.of(args[1]));
            return;
        }
        Snapshot snapshot = TimeGeneratorsBenchmark.syntheticSnapshot(args.length > 0 ? Integer.parseInt(args[0]) : 49_000, 42L);
        RunSettings settings = RunSettings.defaults();
        Path dir = Files.createTempDirectory("delivery-bench");
        Map<String, byte[]> staged = new HashMap<>();
        StringBuilder files = new StringBuilder();
        long stylesNs = 0, previewNs = 0, summaryNs = 0;
        long added = 0;
        System.out.printf("%-28s %12s %12s %10s%n", "generator", "no styles B", "styles B", "added B");
        for (Generator g : Generators.all()) {
            GeneratorOutput out = g.generate(snapshot, settings);
            Provenance p = out.provenance();
            Table districts = out.layer(g.name() + "Districts");
            Table cells = out.layers().stream().filter(Classification::isHotSpotLayer).findFirst().orElse(null);
            List<LayerStyle> styles = Styles.of(g.name(), g.headlineColumn(), out.layers());
            Path plain = dir.resolve(g.name() + "-plain.gpkg"), styled = dir.resolve(g.name() + ".gpkg");
            GeoPackageWriter.write(plain, g.name(), out.layers(), p);
            GeoPackageWriter.write(styled, g.name(), out.layers(), p, styles);
            long a = Files.size(plain), b = Files.size(styled);
            added += b - a;
            System.out.printf("%-28s %12d %12d %10d%n", g.name(), a, b, b - a);
            stylesNs += best(() -> Styles.of(g.name(), g.headlineColumn(), out.layers()));
            previewNs += best(() -> SvgMap.render(districts, g.headlineColumn(), cells, g.summary(), "footnote"));
            summaryNs += best(() -> SummaryJson.toJson(g.name(), g.summary(), g.headlineColumn(), out.layers(), p));
            staged.put(g.name() + ".json", SummaryJson.toJson(g.name(), g.summary(), g.headlineColumn(), out.layers(), p));
            staged.put(g.name() + ".svg", SvgMap.render(districts, g.headlineColumn(), cells, g.summary(), "footnote"));
            if (files.length() > 0) files.append(',');
            files.append("{\"generator\":\"").append(g.name()).append("\",\"key\":\"").append(g.name()).append(".gpkg\",\"bytes\":").append(b)
                    .append(",\"summaryKey\":\"").append(g.name()).append(".json\",\"previewKey\":\"").append(g.name()).append(".svg\"}");
            Files.delete(plain);
            Files.delete(styled);
        }
        Files.delete(dir);
        byte[] manifest = ("{\"formatVersion\":1,\"runId\":\"bench\",\"asOf\":\"2025-11-24T23:59:59Z\",\"windowStartDate\":\"2025-08-25\","
                + "\"windowEndDate\":\"2025-11-24\",\"city\":\"Bench\",\"synthetic\":true,\"quality\":{\"rowsRead\":1,\"rowsAccepted\":1,"
                + "\"rowsRejected\":0,\"rowsOutsideWindow\":0,\"rejectedByReason\":{},\"notes\":{}},\"files\":[" + files + "]}")
                .getBytes(StandardCharsets.UTF_8);
        long pageNs = best(() -> IndexPage.render(manifest, staged::get));
        int pageBytes = IndexPage.render(manifest, staged::get).length;
        System.out.printf("styles added, all eleven files: %d bytes (mean %d per file)%n", added, added / 11);
        System.out.printf("warm best, all eleven: styles %.1f ms, previews %.1f ms, JSON summaries %.1f ms; index page %.1f ms (%d bytes)%n",
                stylesNs / 1e6, previewNs / 1e6, summaryNs / 1e6, pageNs / 1e6, pageBytes);
    }

    /** The index page of a CLI run's output folder (each {@code <name>/<name>.json|svg|gpkg}), warm. */
    static void indexOfRealRun(Path out) throws IOException {
        StringBuilder files = new StringBuilder();
        for (Generator g : Generators.all()) {
            String n = g.name();
            if (files.length() > 0) files.append(',');
            files.append("{\"generator\":\"").append(n).append("\",\"key\":\"").append(n).append('/').append(n).append(".gpkg\",\"bytes\":")
                    .append(Files.size(out.resolve(n).resolve(n + ".gpkg"))).append(",\"summaryKey\":\"").append(n).append('/').append(n)
                    .append(".json\",\"previewKey\":\"").append(n).append('/').append(n).append(".svg\"}");
        }
        byte[] manifest = ("{\"formatVersion\":1,\"runId\":\"bench\",\"asOf\":\"x\",\"windowStartDate\":\"x\",\"windowEndDate\":\"x\","
                + "\"quality\":{},\"files\":[" + files + "]}").getBytes(StandardCharsets.UTF_8);
        Map<String, byte[]> staged = new HashMap<>();
        for (Generator g : Generators.all()) {
            for (String ext : List.of(".json", ".svg")) {
                String key = g.name() + "/" + g.name() + ext;
                staged.put(key, Files.readAllBytes(out.resolve(key)));
            }
        }
        long t0 = System.nanoTime();
        int bytes = IndexPage.render(manifest, staged::get).length;
        long cold = System.nanoTime() - t0;
        System.out.printf("index page of %s: first render %.1f ms, warm best %.1f ms, %d bytes%n", out, cold / 1e6,
                best(() -> IndexPage.render(manifest, staged::get)) / 1e6, bytes);
    }

    /** Best of 10 warm runs after 3 warm-ups, in ns. */
    private static long best(Supplier<?> task) {
        for (int i = 0; i < 3; i++) task.get();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            long t = System.nanoTime();
            task.get();
            best = Math.min(best, System.nanoTime() - t);
        }
        return best;
    }

}
