package org.gpkg311.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gpkg311.generator.Generator;
import org.gpkg311.generator.GeneratorOutput;
import org.gpkg311.generator.RunContext;
import org.gpkg311.generator.RunSettings;
import org.gpkg311.gpkg.GeoPackageCheck;
import org.gpkg311.gpkg.GeoPackageWriter;
import org.gpkg311.gpkg.SharedLayers;
import org.gpkg311.generator.common.DistrictLayer;
import org.gpkg311.preview.SvgMap;
import org.gpkg311.provenance.Provenance;
import org.gpkg311.sample.SampleCity;
import org.gpkg311.snapshot.Snapshot;
import org.gpkg311.storage.FaultPoints;
import org.gpkg311.storage.Storage;
import org.gpkg311.style.Classification;
import org.gpkg311.style.Styles;
import org.gpkg311.summary.SummaryJson;
import org.gpkg311.table.Table;

/**
 * One generator on one snapshot: compute, write the GeoPackage in a private work folder, reopen and
 * check it, then stage it, its JSON summary and its preview under the run's private prefix, and last the
 * staged marker. Nothing becomes public here: {@link RunCommit} publishes the run once every generator has
 * staged. A generator that already staged for this run (a retry) stages nothing again. The work folder
 * ({@code p<pid>-<name>-<random>}, so that a later run can tell a killed run's folder) is removed on every path.
 */
public final class GeneratorRun {

    public static final String GPKG_TYPE = "application/geopackage+sqlite3";
    public static final String JSON_TYPE = "application/json";
    public static final String SVG_TYPE = "image/svg+xml";

    private final Storage target;
    private final PublicationLayout layout;
    private final Path workRoot;
    private final RunListener listener;

    /**
     * @param target   where outputs are staged and later published
     * @param layout   the staging and public keys in the target
     * @param workRoot parent of the private work folders (the Lambda's /tmp)
     */
    public GeneratorRun(Storage target, PublicationLayout layout, Path workRoot, RunListener listener) {
        this.target = target;
        this.layout = layout;
        this.workRoot = workRoot;
        this.listener = listener;
    }

    /** Prefix of the work folders this process creates under the work root ({@link StaleRuns} reads it back). */
    static String workFolderPrefix() {
        return "p" + ProcessHandle.current().pid() + "-";
    }

    public Publication run(Generator generator, Snapshot snapshot, RunSettings settings) throws IOException {
        return run(generator, new RunContext(snapshot, settings));
    }

    /** As above, sharing the run's computed facts with the other generators of {@code context}. */
    public Publication run(Generator generator, RunContext context) throws IOException {
        return run(generator, context, null);
    }

    /**
     * As above; the file copies the rows its layers share with the run's other files from {@code shared}
     * (null: it binds them all itself, the faster way for one file alone).
     */
    public Publication run(Generator generator, RunContext context, SharedLayers shared) throws IOException {
        Snapshot snapshot = context.snapshot();
        RunSettings settings = context.settings();
        String name = generator.name();
        String runId = snapshot.runId();
        Storage.Versioned done = target.read(layout.stagedMarker(runId, name));
        if (done != null) {
            StagedSet s = StagedSet.parse(done.bytes(), target.nameOf(layout.stagedMarker(runId, name)));
            listener.stage(name, "staged", Map.of("already", true, "bytes", s.gpkgBytes()), 0);
            return publication(name, s.gpkgBytes());
        }
        Path work;
        try {
            Files.createDirectories(workRoot);
            work = Files.createTempDirectory(workRoot, workFolderPrefix() + name + "-");
        } catch (IOException e) {
            throw new IOException("cannot create a work folder in " + workRoot + ": " + e.getMessage(), e);
        }
        try {
            long t0 = System.nanoTime();
            GeneratorOutput generated = generator.generate(context);
            boolean sample = SampleCity.madeAllOf(snapshot.quality().sources());
            GeneratorOutput output = sample ? noticed(generated) : generated;
            long t1 = System.nanoTime();
            listener.stage(name, "generate", rowCounts(output), millis(t0, t1));

            Provenance provenance = RunProvenance.of(generator, snapshot, settings).merge(output.provenance());
            Path file = work.resolve(name + ".gpkg");
            GeoPackageWriter.write(file, name, output.layers(), provenance, Styles.of(name, generator.headlineColumn(), output.layers()),
                    shared);
            long t2 = System.nanoTime();
            listener.stage(name, "write", Map.of("bytes", Files.size(file)), millis(t1, t2));

            GeoPackageCheck.verify(file, output.layers());
            byte[] json = SummaryJson.toJson(name, generator.summary(), generator.headlineColumn(), output.layers(), provenance);
            long t3 = System.nanoTime();
            listener.stage(name, "verify", Map.of("layers", output.layers().size()), millis(t2, t3));

            byte[] preview = preview(generator, output, snapshot, sample);

            Map<String, String> metadata = objectMetadata(provenance);
            long bytes = Files.size(file);
            StagedSet staged = new StagedSet(name, runId, bytes, Digests.sha256(file), Digests.sha256(json), Digests.sha256(preview));
            long t4 = System.nanoTime();
            target.put(layout.stagedKey(runId, name, PublicationLayout.GPKG), file, GPKG_TYPE, metadata);
            FaultPoints.reach(FaultPoints.MID_STAGING);
            target.put(layout.stagedKey(runId, name, PublicationLayout.JSON), json, JSON_TYPE, metadata);
            target.put(layout.stagedKey(runId, name, PublicationLayout.SVG), preview, SVG_TYPE, metadata);
            // The marker last: whoever sees it finds all three files complete.
            target.putIf(layout.stagedMarker(runId, name), staged.toJson(), JSON_TYPE, Map.of("runId", runId), null);
            listener.stage(name, "stage", Map.of("bytes", bytes), millis(t4, System.nanoTime()));
            return publication(name, bytes);
        } finally {
            WorkFolders.delete(work);
        }
    }

    /**
     * A folder for the rows the run's files share, named like a work folder so that a later run removes it
     * if this process is killed; closing it deletes it.
     */
    SharedLayers sharedLayers() throws IOException {
        Files.createDirectories(workRoot);
        return new SharedLayers(Files.createTempDirectory(workRoot, workFolderPrefix() + "shared-"));
    }

    /** Where the generator's files are once the run is committed. */
    private Publication publication(String name, long bytes) {
        String gpkgKey = layout.publicKey(name, PublicationLayout.GPKG);
        String jsonKey = layout.publicKey(name, PublicationLayout.JSON);
        String previewKey = layout.publicKey(name, PublicationLayout.SVG);
        return new Publication(name, gpkgKey, target.locate(gpkgKey), jsonKey, target.locate(jsonKey), bytes,
                previewKey, target.locate(previewKey));
    }

    /** A run on the sample city says so first in every layer's description (spec: "Sample data says so"). */
    private static GeneratorOutput noticed(GeneratorOutput output) {
        List<Table> layers = output.layers().stream().map(t -> t.describedAs(SampleCity.NOTICE + " " + t.description())).toList();
        return new GeneratorOutput(output.generator(), output.version(), layers, output.provenance());
    }

    /** The district layer coloured by the generator's headline column, as a quick look beside the file. */
    private static byte[] preview(Generator generator, GeneratorOutput output, Snapshot snapshot, boolean sample) {
        var w = snapshot.window();
        String footnote = (sample ? SampleCity.NOTICE + " · " : "") + snapshot.cityName() + " · requests opened " + w.startDate() + " to " + w.endDate() + " (as of " + w.asOf()
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
