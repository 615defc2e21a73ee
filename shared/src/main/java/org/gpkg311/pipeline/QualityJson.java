package org.gpkg311.pipeline;

import org.gpkg311.snapshot.QualityReport;
import org.gpkg311.snapshot.Snapshot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The run's data-quality report as JSON ({@code runs/<runId>/quality.json}): what was read, kept and rejected. */
final class QualityJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private QualityJson() {}

    static byte[] toJson(Snapshot s) {
        QualityReport q = s.quality();
        ObjectNode root = JSON.createObjectNode();
        root.put("runId", s.runId());
        root.put("city", s.cityName());
        root.put("asOf", s.window().asOf().toString());
        root.put("windowStartDate", s.window().startDate().toString());
        root.put("windowEndDate", s.window().endDate().toString());
        root.put("districts", s.districts().size());
        root.put("requests", s.requests().size());
        root.put("rowsRead", q.rowsRead());
        root.put("rowsAccepted", q.rowsAccepted());
        root.put("rowsOutsideWindow", q.rowsOutsideWindow());
        root.put("rowsRejected", q.rowsRejected());
        q.rejectedByReason().forEach(root.putObject("rejectedByReason")::put);
        q.notes().forEach(root.putObject("notes")::put);
        q.sources().forEach(root.putArray("sources")::add);
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
