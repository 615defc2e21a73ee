package org.gpkg311.functions;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.gpkg311.pipeline.RunIds;
import org.gpkg311.storage.s3.S3Location;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the fan-out's input. Only objects created under the raw or reference prefix of our own bucket
 * start a run: the project's own writes (runs/, gpkg-public/) must never trigger it, or every run would
 * start the next one.
 */
public final class TriggerParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String bucket;
    private final String locationPrefix;
    private final List<String> triggerPrefixes;

    /**
     * @param location        the data location, s3://bucket[/prefix] (a local folder location accepts any bucket)
     * @param triggerPrefixes storage-key prefixes whose new objects start a run (raw/, reference/)
     */
    public TriggerParser(String location, List<String> triggerPrefixes) {
        if (location.startsWith("s3://")) {
            S3Location l = S3Location.parse(location);
            this.bucket = l.bucket();
            this.locationPrefix = l.prefix();
        } else {
            this.bucket = null;
            this.locationPrefix = "";
        }
        this.triggerPrefixes = List.copyOf(triggerPrefixes);
    }

    public Trigger parse(InputStream event) throws IOException {
        return parse(JSON.readTree(event));
    }

    public Trigger parse(JsonNode root) {
        if (root == null || root.isNull() || root.isMissingNode()) return new Trigger.Direct(null, List.of(), null);
        if (!root.isObject()) throw new IllegalArgumentException("the fan-out expects a JSON object, got " + root.getNodeType());
        JsonNode records = root.get("Records");
        if (records != null && records.isArray()) return sqsBatch(records);
        if (isScheduled(root)) return new Trigger.Scheduled(root.path("time").asText(null), root.path("id").asText(null));
        if (isObjectCreated(root)) {
            // An EventBridge rule may also target the function directly: same filter as through the queue.
            Trigger.Message m = classify("direct", root);
            if (m.kind() == Trigger.Kind.NEW_DATA) return new Trigger.Direct(null, List.of(), null, m.eventId());
            return new Trigger.SqsBatch(List.of(m));
        }
        return direct(root);
    }

    private Trigger.SqsBatch sqsBatch(JsonNode records) {
        List<Trigger.Message> out = new ArrayList<>();
        for (JsonNode r : records) {
            String id = r.path("messageId").asText("");
            if (!"aws:sqs".equals(r.path("eventSource").asText())) {
                out.add(new Trigger.Message(id, Trigger.Kind.MALFORMED, "not an SQS record: eventSource " + r.path("eventSource").asText("(none)")));
                continue;
            }
            JsonNode body;
            try {
                body = JSON.readTree(r.path("body").asText(""));
            } catch (IOException e) {
                out.add(new Trigger.Message(id, Trigger.Kind.MALFORMED, "body is not JSON"));
                continue;
            }
            out.add(classify(id, body));
        }
        return new Trigger.SqsBatch(out);
    }

    /** One EventBridge event carried by a message (or received directly). */
    Trigger.Message classify(String id, JsonNode body) {
        if (body == null || !body.isObject()) return new Trigger.Message(id, Trigger.Kind.MALFORMED, "body is not a JSON object");
        String eventId = body.path("id").asText(id);
        if (isScheduled(body)) return new Trigger.Message(id, Trigger.Kind.SCHEDULE, body.path("time").asText(""), eventId);
        if (!isObjectCreated(body)) {
            return new Trigger.Message(id, Trigger.Kind.MALFORMED,
                    "neither an S3 Object Created event nor a Scheduled Event: source=" + body.path("source").asText("(none)")
                            + ", detail-type=" + body.path("detail-type").asText("(none)"));
        }
        String eventBucket = body.path("detail").path("bucket").path("name").asText("");
        String key = body.path("detail").path("object").path("key").asText("");
        if (key.isEmpty()) return new Trigger.Message(id, Trigger.Kind.MALFORMED, "Object Created event without detail.object.key");
        if (bucket != null && !bucket.equals(eventBucket)) {
            return new Trigger.Message(id, Trigger.Kind.IGNORED, "other bucket: " + eventBucket + "/" + key);
        }
        if (!key.startsWith(locationPrefix)) return new Trigger.Message(id, Trigger.Kind.IGNORED, "outside the location: " + key);
        String storageKey = key.substring(locationPrefix.length());
        for (String p : triggerPrefixes) {
            if (storageKey.startsWith(p)) return new Trigger.Message(id, Trigger.Kind.NEW_DATA, storageKey, eventId);
        }
        return new Trigger.Message(id, Trigger.Kind.IGNORED, "not under " + String.join(" or ", triggerPrefixes) + ": " + storageKey);
    }

    private static boolean isScheduled(JsonNode n) {
        return "Scheduled Event".equals(n.path("detail-type").asText());
    }

    private static boolean isObjectCreated(JsonNode n) {
        return "aws.s3".equals(n.path("source").asText()) && "Object Created".equals(n.path("detail-type").asText());
    }

    private static Trigger.Direct direct(JsonNode root) {
        for (var it = root.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!f.equals("asOf") && !f.equals("only") && !f.equals("runId")) {
                throw new IllegalArgumentException("unknown field '" + f + "' in the fan-out request; expected asOf, only, runId");
            }
        }
        Instant asOf = null;
        JsonNode a = root.get("asOf");
        if (a != null && !a.isNull()) {
            try {
                asOf = Instant.parse(a.asText());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("asOf must be an ISO-8601 instant such as 2025-11-24T18:00:00Z, got " + a.asText());
            }
        }
        List<String> only = new ArrayList<>();
        JsonNode o = root.get("only");
        if (o != null && !o.isNull()) {
            if (!o.isArray()) throw new IllegalArgumentException("only must be an array of generator names");
            o.forEach(n -> only.add(n.asText()));
        }
        JsonNode r = root.get("runId");
        String runId = r == null || r.isNull() ? null : RunIds.requireValid(r.asText());
        return new Trigger.Direct(asOf, only, runId);
    }
}
