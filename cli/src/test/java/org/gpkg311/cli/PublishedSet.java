package org.gpkg311.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Checks on an output folder as an analyst sees it: the manifest and the files it names. */
final class PublishedSet {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PublishedSet() {}

    /**
     * Asserts one complete set: a manifest naming every expected generator, each file's SHA-256 (computed here)
     * equal to the manifest's, the run id of the manifest in every entry, in every summary's provenance and in
     * every preview's footnote, and no temporary or staging file anywhere. Returns the run id.
     */
    static String assertOneCompleteSet(Path out, List<String> generators) throws IOException {
        JsonNode m = JSON.readTree(out.resolve("manifest.json").toFile());
        String runId = m.get("runId").asText();
        assertEquals(generators.size(), m.get("files").size(), "one entry per generator");
        for (JsonNode f : m.get("files")) {
            String g = f.get("generator").asText();
            assertTrue(generators.contains(g), g);
            assertEquals(runId, f.get("runId").asText(), g + " entry");
            Path gpkg = out.resolve(f.get("key").asText());
            assertEquals(f.get("sha256").asText(), sha256(gpkg), g + ": the file is the one the manifest names");
            assertEquals(f.get("bytes").asLong(), Files.size(gpkg), g);
            JsonNode summary = JSON.readTree(out.resolve(f.get("summaryKey").asText()).toFile());
            assertEquals(runId, summary.get("provenance").get("runId").asText(), g + " summary");
            String svg = Files.readString(out.resolve(f.get("previewKey").asText()));
            assertTrue(svg.contains("run " + runId), g + " preview footnote names the run");
        }
        assertEquals(List.of(), leftovers(out), "no temporary or staging file");
        return runId;
    }

    /** Every file's digest by relative path: to compare a folder before and after. */
    static Map<String, String> digests(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) out.put(dir.relativize(p).toString(), sha256(p));
        }
        return out;
    }

    static List<Path> leftovers(Path out) throws IOException {
        try (Stream<Path> s = Files.walk(out)) {
            return s.filter(p -> p.getFileName().toString().startsWith(".incoming-")
                    || p.getFileName().toString().equals(".staging")).toList();
        }
    }

    static String sha256(Path p) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
