package org.gpkg311.functions;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gpkg311.snapshot.QualityReport;
import org.gpkg311.snapshot.Snapshot;
import org.gpkg311.snapshot.Window;

/**
 * Our own seam (RunSteps) recorded, for tests of event handling only: what the handlers asked the pipeline
 * to do. The pipeline itself is tested in shared/, and together with S3 in the loopback tests.
 */
final class RecordingSteps implements RunSteps, GeneratorInvoker {

    final List<String> calls = new ArrayList<>();
    final List<String> invocations = new ArrayList<>();
    RuntimeException failPrepare;

    static Snapshot emptySnapshot(String runId) {
        Window w = Window.endingAt(Instant.parse("2025-11-24T23:59:59Z"), ZoneId.of("America/Chicago"));
        return new Snapshot(runId, "Nashville", w, List.of(), List.of(),
                new QualityReport(List.of(), 0, 0, 0, Map.of(), Map.of()));
    }

    @Override
    public Snapshot prepare(String runId, Instant asOf) {
        calls.add("prepare " + runId + " " + asOf);
        if (failPrepare != null) throw failPrepare;
        return emptySnapshot(runId);
    }

    @Override
    public String save(Snapshot snapshot) {
        calls.add("save " + snapshot.runId());
        return "runs/" + snapshot.runId() + "/snapshot.bin";
    }

    @Override
    public Snapshot load(String snapshotKey) throws IOException {
        calls.add("load " + snapshotKey);
        return emptySnapshot(snapshotKey.split("/")[1]);
    }

    @Override
    public Published publish(String generatorName, Snapshot snapshot, Path workRoot) throws IOException {
        calls.add("publish " + generatorName + " " + snapshot.runId());
        String key = "gpkg-public/" + generatorName + "/" + generatorName;
        return new Published(generatorName, key + ".gpkg", "https://b.s3.amazonaws.com/" + key + ".gpkg",
                key + ".json", "https://b.s3.amazonaws.com/" + key + ".json", 1234);
    }

    @Override
    public void invokeAsync(String functionName, byte[] payload) {
        invocations.add(functionName + " " + new String(payload, java.nio.charset.StandardCharsets.UTF_8));
    }
}
