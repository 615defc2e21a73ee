package org.gpkg311.pipeline;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gpkg311.snapshot.QualityReport;
import org.gpkg311.snapshot.Snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The committed run ({@code manifest.json} at the public root), written last at commit: which run the public
 * files belong to, the data they describe, and per file its key (relative to the public root), size, SHA-256
 * and run id. A reader that trusts only what the manifest names never sees a mixed set.
 *
 * @param snapshotPreparedAt when the run's snapshot was prepared: orders two runs of the same as-of
 */
public record Manifest(String runId, Instant asOf, Instant snapshotPreparedAt, String snapshotSha256, Instant committedAt,
                       List<FileEntry> files, byte[] json) {

    public static final int FORMAT_VERSION = 1;
    /** The bundled sample city's raw files are named so (see org.gpkg311.sample.SampleCity). */
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One generator's published files. Keys are relative to the public root. */
    public record FileEntry(String generator, String runId, String key, long bytes, String sha256, String summaryKey,
                            String previewKey) {}

    public Manifest {
        files = List.copyOf(files);
    }

    /** The manifest of a run about to be committed. */
    static Manifest of(RunPlan plan, Snapshot snapshot, List<StagedSet> staged, PublicationLayout layout, Instant committedAt) {
        List<FileEntry> files = new ArrayList<>();
        for (StagedSet s : staged) {
            files.add(new FileEntry(s.generator(), s.runId(),
                    layout.relative(layout.publicKey(s.generator(), PublicationLayout.GPKG)), s.gpkgBytes(), s.gpkgSha256(),
                    layout.relative(layout.publicKey(s.generator(), PublicationLayout.JSON)),
                    layout.relative(layout.publicKey(s.generator(), PublicationLayout.SVG))));
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("formatVersion", FORMAT_VERSION);
        root.put("runId", plan.runId());
        root.put("asOf", snapshot.window().asOf().toString());
        root.put("windowStartDate", snapshot.window().startDate().toString());
        root.put("windowEndDate", snapshot.window().endDate().toString());
        root.put("snapshotSha256", plan.snapshotSha256());
        root.put("snapshotPreparedAt", plan.preparedAt().toString());
        root.put("committedAt", committedAt.toString());
        root.put("city", snapshot.cityName());
        root.put("synthetic", org.gpkg311.sample.SampleCity.madeAllOf(snapshot.quality().sources()));
        QualityReport q = snapshot.quality();
        ObjectNode quality = root.putObject("quality");
        quality.put("rowsRead", q.rowsRead());
        quality.put("rowsAccepted", q.rowsAccepted());
        quality.put("rowsRejected", q.rowsRejected());
        quality.put("rowsOutsideWindow", q.rowsOutsideWindow());
        ObjectNode reasons = quality.putObject("rejectedByReason");
        for (Map.Entry<String, Long> e : q.rejectedByReason().entrySet()) reasons.put(e.getKey(), e.getValue());
        ObjectNode notes = quality.putObject("notes");
        for (Map.Entry<String, Long> e : q.notes().entrySet()) notes.put(e.getKey(), e.getValue());
        var array = root.putArray("files");
        for (FileEntry f : files) {
            array.addObject().put("generator", f.generator()).put("runId", f.runId()).put("key", f.key())
                    .put("bytes", f.bytes()).put("sha256", f.sha256()).put("summaryKey", f.summaryKey())
                    .put("previewKey", f.previewKey());
        }
        try {
            byte[] json = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
            return new Manifest(plan.runId(), snapshot.window().asOf(), plan.preparedAt(), plan.snapshotSha256(), committedAt,
                    files, json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a stored manifest; one this version cannot read fails with its name. */
    public static Manifest parse(byte[] bytes, String name) throws IOException {
        try {
            JsonNode n = JSON.readTree(bytes);
            List<FileEntry> files = new ArrayList<>();
            for (JsonNode f : n.path("files")) {
                files.add(new FileEntry(f.path("generator").asText(), f.path("runId").asText(), f.path("key").asText(),
                        f.path("bytes").asLong(), f.path("sha256").asText(), f.path("summaryKey").asText(),
                        f.path("previewKey").asText()));
            }
            String prepared = n.path("snapshotPreparedAt").asText(null);
            return new Manifest(n.path("runId").asText(), Instant.parse(n.path("asOf").asText()),
                    prepared == null ? null : Instant.parse(prepared), n.path("snapshotSha256").asText(),
                    Instant.parse(n.path("committedAt").asText()), files, bytes);
        } catch (IOException | RuntimeException e) {
            throw new IOException("unreadable manifest " + name + ": " + e.getMessage(), e);
        }
    }
}
