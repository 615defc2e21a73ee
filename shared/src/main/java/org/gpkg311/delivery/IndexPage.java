package org.gpkg311.delivery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gpkg311.style.ValueFormat;

/**
 * The run's {@code index.html}: one static page beside the outputs (no scripts, fonts or CDNs; the previews
 * are inlined) with the run's id, as-of and window, a data-quality panel, and per file its question,
 * headline column, preview map, top and bottom three districts, size and relative download links, so the
 * page works from a local folder and from the bucket alike. Rendered at commit from the run manifest and
 * the staged summaries and previews.
 */
public final class IndexPage {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SHOWN = 3;

    private IndexPage() {}

    /**
     * @param manifestJson the run manifest ({@code manifest.json}, formatVersion 1)
     * @param readByKey    the bytes of a key relative to the public root (each file's summaryKey and previewKey),
     *                     or null when there is no such object
     * @return the page, UTF-8
     * @throws IllegalArgumentException when the manifest is not formatVersion 1, lacks a field, or a summary or
     *                                  preview it names cannot be read
     */
    public static byte[] render(byte[] manifestJson, Function<String, byte[]> readByKey) {
        JsonNode m = parse(manifestJson, "manifest.json");
        if (m.path("formatVersion").asInt(-1) != 1) {
            throw new IllegalArgumentException("manifest.json: formatVersion " + m.path("formatVersion") + ", expected 1");
        }
        StringBuilder h = new StringBuilder(2 * 1024 * 1024);
        String runId = text(m, "runId");
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(m.path("city").asText("City") + " 311 GeoPackages · run " + runId)).append("</title>\n")
                .append("<style>").append(CSS).append("</style>\n</head>\n<body>\n");
        if (m.path("synthetic").asBoolean(false)) {
            h.append("<div class=\"banner\" id=\"synthetic-banner\" role=\"alert\">Synthetic sample data: these files were made from the"
                    + " bundled sample city, not from real 311 requests. Do not use them for decisions.</div>\n");
        }
        h.append("<header>\n<h1>").append(esc(m.path("city").asText("City"))).append(" 311 GeoPackages</h1>\n<dl class=\"run\">\n");
        fact(h, "Run", runId, "runId");
        fact(h, "As of (UTC)", text(m, "asOf"), "asOf");
        fact(h, "Window (local days)", text(m, "windowStartDate") + " to " + text(m, "windowEndDate"), "window");
        if (m.hasNonNull("committedAt")) fact(h, "Published (UTC)", m.get("committedAt").asText(), "committedAt");
        if (m.hasNonNull("snapshotSha256")) fact(h, "Snapshot SHA-256", m.get("snapshotSha256").asText(), "snapshotSha256");
        h.append("</dl>\n</header>\n");
        quality(h, m.path("quality"));

        JsonNode files = m.path("files");
        h.append("<main>\n<h2>").append(files.size()).append(" files</h2>\n");
        for (JsonNode f : files) file(h, f, readByKey);
        h.append("</main>\n<footer>Manifest: <a href=\"manifest.json\">manifest.json</a> · GeoPackages open in QGIS styled;"
                + " times are UTC.</footer>\n</body>\n</html>\n");
        return h.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void quality(StringBuilder h, JsonNode q) {
        h.append("<section class=\"quality\" id=\"data-quality\">\n<h2>Data quality</h2>\n<table>\n");
        for (String[] row : new String[][] {{"rowsRead", "Rows read"}, {"rowsAccepted", "Rows accepted (in the window)"},
                {"rowsRejected", "Rows rejected"}, {"rowsOutsideWindow", "Rows outside the window (not errors)"}}) {
            if (q.has(row[0])) count(h, row[1], q.get(row[0]).asLong(), "quality", row[0]);
        }
        h.append("</table>\n");
        counts(h, "Rejected by reason", q.path("rejectedByReason"), "rejected");
        counts(h, "Notes", q.path("notes"), "note");
        h.append("</section>\n");
    }

    private static void counts(StringBuilder h, String title, JsonNode map, String attribute) {
        h.append("<h3>").append(esc(title)).append("</h3>\n");
        if (map.isEmpty()) {
            h.append("<p class=\"none\">None.</p>\n");
            return;
        }
        h.append("<table>\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            count(h, e.getKey(), e.getValue().asLong(), attribute, e.getKey());
        }
        h.append("</table>\n");
    }

    private static void count(StringBuilder h, String label, long n, String attribute, String key) {
        h.append("<tr><th>").append(esc(label)).append("</th><td class=\"n\" data-").append(attribute).append("=\"").append(esc(key))
                .append("\" data-value=\"").append(n).append("\">").append(String.format(Locale.ROOT, "%,d", n)).append("</td></tr>\n");
    }

    private static void file(StringBuilder h, JsonNode f, Function<String, byte[]> read) {
        String generator = text(f, "generator");
        String key = text(f, "key"), summaryKey = text(f, "summaryKey"), previewKey = text(f, "previewKey");
        JsonNode summary = parse(need(read, summaryKey), summaryKey);
        String svg = new String(need(read, previewKey), StandardCharsets.UTF_8);
        JsonNode headline = summary.path("headline");

        h.append("<section class=\"file\" id=\"").append(esc(generator)).append("\">\n<h3>").append(esc(generator)).append("</h3>\n");
        h.append("<p class=\"question\">").append(esc(summary.path("summary").asText(""))).append("</p>\n");
        if (!headline.isMissingNode()) {
            h.append("<p class=\"headline\">Headline column: <b>").append(esc(headline.path("alias").asText())).append("</b> (<code>")
                    .append(esc(headline.path("column").asText())).append("</code>)</p>\n");
        }
        h.append("<div class=\"cols\">\n<figure class=\"preview\">").append(inlineSvg(svg)).append("</figure>\n<div class=\"facts\">\n");
        if (!headline.isMissingNode()) districts(h, headline);
        long bytes = f.path("bytes").asLong();
        h.append("<p class=\"size\" data-bytes=\"").append(bytes).append("\">").append(esc(size(bytes))).append("</p>\n");
        h.append("<p class=\"links\"><a class=\"download\" href=\"").append(esc(key)).append("\" download>Download ")
                .append(esc(fileName(key))).append("</a> · <a href=\"").append(esc(summaryKey)).append("\">summary JSON</a> · <a href=\"")
                .append(esc(previewKey)).append("\">preview SVG</a></p>\n");
        if (f.hasNonNull("sha256")) h.append("<p class=\"sha\">SHA-256 <code>").append(esc(f.get("sha256").asText())).append("</code></p>\n");
        h.append("</div>\n</div>\n</section>\n");
    }

    /** Top and bottom three by rank (graduated), or the districts per class (categorised: no order to rank by). */
    private static void districts(StringBuilder h, JsonNode headline) {
        List<JsonNode> rows = new ArrayList<>();
        headline.path("districts").forEach(rows::add);
        String alias = headline.path("alias").asText();
        if (headline.path("classification").asText().equals("graduated")) {
            List<JsonNode> ranked = rows.stream().filter(r -> r.hasNonNull("rank"))
                    .sorted(Comparator.comparingInt((JsonNode r) -> r.get("rank").asInt()).thenComparingInt(r -> r.path("id").asInt())).toList();
            int n = ranked.size();
            list(h, "Highest " + alias, ranked.subList(0, Math.min(SHOWN, n)), "top", n);
            list(h, "Lowest " + alias, ranked.subList(Math.max(0, n - SHOWN), n), "bottom", n);
        } else {
            Map<String, List<String>> byClass = new LinkedHashMap<>();
            headline.path("classes").forEach(c -> byClass.put(c.path("label").asText(), new ArrayList<>()));
            for (JsonNode r : rows) {
                String k = r.hasNonNull("class") ? r.get("class").asText() : "No value";
                byClass.computeIfAbsent(k, x -> new ArrayList<>()).add(r.path("id").asText());
            }
            h.append("<h4>Districts by ").append(esc(alias)).append("</h4>\n<ul class=\"classes\">\n");
            byClass.forEach((k, ids) -> h.append("<li><b>").append(esc(k)).append("</b>: ").append(ids.size())
                    .append(ids.size() == 1 ? " district (" : " districts (").append(esc(String.join(", ", ids))).append(")</li>\n"));
            h.append("</ul>\n");
        }
    }

    private static void list(StringBuilder h, String title, List<JsonNode> rows, String kind, int n) {
        // a bulleted list: list numbers 1-3 beside "33 of 35" would contradict the rank
        h.append("<h4>").append(esc(title)).append("</h4>\n<ul class=\"").append(kind).append("\">\n");
        for (JsonNode r : rows) {
            h.append("<li data-rank=\"").append(r.get("rank").asInt()).append("\">").append("<span class=\"rank\">")
                    .append(r.get("rank").asInt()).append(" of ").append(n).append("</span> ").append(esc(r.path("name").asText("District " + r.path("id").asText())))
                    .append(": <b>").append(esc(ValueFormat.of(value(r.get("value"))))).append("</b></li>\n");
        }
        h.append("</ul>\n");
    }

    private static Object value(JsonNode v) {
        if (v == null || v.isNull()) return null;
        if (v.isIntegralNumber()) return v.longValue();
        if (v.isNumber()) return v.doubleValue();
        return v.asText();
    }

    /** The preview's markup without an XML declaration, scaled to the column by CSS. */
    static String inlineSvg(String svg) {
        String s = svg.strip();
        if (s.startsWith("<?xml")) s = s.substring(s.indexOf("?>") + 2).strip();
        if (!s.startsWith("<svg")) throw new IllegalArgumentException("preview is not an SVG document");
        return s;
    }

    static String size(long bytes) {
        if (bytes >= 1_000_000) return String.format(Locale.ROOT, "%.1f MB (%,d bytes)", bytes / 1e6, bytes);
        if (bytes >= 1_000) return String.format(Locale.ROOT, "%.0f kB (%,d bytes)", bytes / 1e3, bytes);
        return bytes + " bytes";
    }

    private static String fileName(String key) {
        return key.substring(key.lastIndexOf('/') + 1);
    }

    private static void fact(StringBuilder h, String label, String value, String id) {
        h.append("<dt>").append(esc(label)).append("</dt><dd id=\"").append(id).append("\">").append(esc(value)).append("</dd>\n");
    }

    private static byte[] need(Function<String, byte[]> read, String key) {
        byte[] b = read.apply(key);
        if (b == null) throw new IllegalArgumentException("index page: " + key + " named in the manifest cannot be read");
        return b;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) throw new IllegalArgumentException("manifest.json: missing field " + field);
        return v.asText();
    }

    private static JsonNode parse(byte[] json, String what) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException(what + " is not JSON: " + e.getMessage(), e);
        }
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static final String CSS = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;margin:0 auto;max-width:1200px;\
            padding:0 16px 32px;color:#222;background:#fff}\
            .banner{background:#b00020;color:#fff;font-weight:bold;padding:12px 16px;margin:0 -16px;font-size:1.05em}\
            header h1{margin:16px 0 8px}dl.run{display:grid;grid-template-columns:max-content auto;gap:2px 12px;margin:0}\
            dt{font-weight:bold}dd{margin:0;font-family:monospace}\
            .quality{background:#f4f6f8;border:1px solid #d0d7de;border-radius:6px;padding:8px 16px;margin:16px 0}\
            .quality table{border-collapse:collapse}.quality th{text-align:left;font-weight:normal;padding:1px 16px 1px 0}\
            td.n{text-align:right;font-variant-numeric:tabular-nums}\
            section.file{border-top:2px solid #d0d7de;padding:8px 0}.question{font-size:1.1em;margin:4px 0}\
            .cols{display:flex;flex-wrap:wrap;gap:16px}figure.preview{margin:0;flex:2 1 560px}\
            figure.preview svg{width:100%;height:auto;border:1px solid #eee}.facts{flex:1 1 280px}\
            h4{margin:8px 0 4px}ul{margin:0;padding-left:20px}ul.top,ul.bottom{list-style:none;padding-left:0}.rank{color:#555;font-size:.9em}\
            .sha code{font-size:.75em;word-break:break-all}footer{margin-top:24px;color:#555}""";
}
