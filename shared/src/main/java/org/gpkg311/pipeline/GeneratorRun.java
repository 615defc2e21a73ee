package org.gpkg311.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gpkg311.generator.Generator;
import org.gpkg311.generator.GeneratorOutput;
import org.gpkg311.generator.RunSettings;
import org.gpkg311.gpkg.GeoPackageCheck;
import org.gpkg311.gpkg.GeoPackageWriter;
import org.gpkg311.generator.common.DistrictLayer;
import org.gpkg311.preview.SvgMap;
import org.gpkg311.provenance.Provenance;
import org.gpkg311.snapshot.Snapshot;
import org.gpkg311.storage.Storage;
import org.gpkg311.style.Classification;
import org.gpkg311.style.Styles;
import org.gpkg311.summary.SummaryJson;
import org.gpkg311.table.Table;

/**
 * One generator on one snapshot: compute, write the GeoPackage in a private work folder, reopen and
 * check it, then publish {@code <prefix><name>/<name>.gpkg} and its JSON. Nothing is published unless
 * the file passed its check, so a failed run leaves the previous files in place; the work folder is
 * removed on every path.
 */
public final class GeneratorRun {

    public static final String GPKG_TYPE = "application/geopackage+sqlite3";
    public static final String JSON_TYPE = "application/json";
    public static final String SVG_TYPE = "image/svg+xml";

    private final Storage target;
    private final String prefix;
    private final Path workRoot;
    private final RunListener listener;

    /**
     * @param target   where outputs are published
     * @param prefix   key prefix in the target, "" for a local folder, "gpkg-public/" in the bucket
     * @param workRoot parent of the private work folders (the Lambda's /tmp)
     */
    public GeneratorRun(Storage target, String prefix, Path workRoot, RunListener listener) {
        this.target = target;
        this.prefix = prefix;
        this.workRoot = workRoot;
        this.listener = listener;
    }

    public Publication run(Generator generator, Snapshot snapshot, RunSettings settings) throws IOException {
        String name = generator.name();
        Files.createDirectories(workRoot);
        Path work = Files.createTempDirectory(workRoot, name + "-");
        try {
            long t0 = System.nanoTime();
            GeneratorOutput output = generator.generate(snapshot, settings);
            long t1 = System.nanoTime();
            listener.stage(name, "generate", rowCounts(output), millis(t0, t1));

            Provenance provenance = RunProvenance.of(generator, snapshot, settings).merge(output.provenance());
            Path file = work.resolve(name + ".gpkg");
            GeoPackageWriter.write(file, name, output.layers(), provenance, Styles.of(name, generator.headlineColumn(), output.layers()));
            long t2 = System.nanoTime();
            listener.stage(name, "write", Map.of("bytes", Files.size(file)), millis(t1, t2));

            GeoPackageCheck.verify(file, output.layers());
            byte[] json = SummaryJson.toJson(name, generator.summary(), generator.headlineColumn(), output.layers(), provenance);
            long t3 = System.nanoTime();
            listener.stage(name, "verify", Map.of("layers", output.layers().size()), millis(t2, t3));

            byte[] preview = preview(generator, output, snapshot);

            String gpkgKey = prefix + name + "/" + name + ".gpkg";
            String jsonKey = prefix + name + "/" + name + ".json";
            String previewKey = prefix + name + "/" + name + ".svg";
            Map<String, String> metadata = objectMetadata(provenance);
            // The GeoPackage last: a reader who sees the new file finds its JSON and preview beside it.
            target.put(jsonKey, json, JSON_TYPE, metadata);
            target.put(previewKey, preview, SVG_TYPE, metadata);
            target.put(gpkgKey, file, GPKG_TYPE, metadata);
            long bytes = Files.size(file);
            listener.stage(name, "publish", Map.of("bytes", bytes), millis(t3, System.nanoTime()));
            return new Publication(name, gpkgKey, target.locate(gpkgKey), jsonKey, target.locate(jsonKey), bytes,
                    previewKey, target.locate(previewKey));
        } finally {
            WorkFolders.delete(work);
        }
    }

    /** The district layer coloured by the generator's headline column, as a quick look beside the file. */
    private static byte[] preview(Generator generator, GeneratorOutput output, Snapshot snapshot) {
        var w = snapshot.window();
        String footnote = snapshot.cityName() + " · requests opened " + w.startDate() + " to " + w.endDate() + " (as of " + w.asOf()
                + ") · run " + snapshot.runId() + " · " + generator.name() + " " + generator.version();
        Table cells = output.layers().stream().filter(Classification::isHotSpotLayer).findFirst().orElse(null);
        return SvgMap.render(output.layer(DistrictLayer.layerName(generator.name())), generator.headlineColumn(), cells,
                generator.summary(), footnote);
    }

    /** The few facts stored as object metadata beside the file (S3 user metadata is small and ASCII). */
    private static Map<String, String> objectMetadata(Provenance p) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String key : List.of("generator", "generatorVersion", "runId", "asOf", "windowStartDate", "windowEndDate", "rowsAccepted", "rowsRejected")) {
            String v = p.value(key);
            if (v != null) m.put(key, v);
        }
        return m;
    }

    private static Map<String, Object> rowCounts(GeneratorOutput output) {
        Map<String, Object> counts = new LinkedHashMap<>();
        output.layers().forEach(t -> counts.put(t.name(), t.rowCount()));
        return counts;
    }

    static long millis(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1_000_000;
    }

}
