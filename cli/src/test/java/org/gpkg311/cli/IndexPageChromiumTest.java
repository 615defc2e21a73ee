package org.gpkg311.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.gpkg311.delivery.IndexPage;
import org.gpkg311.generator.Generators;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The run's index.html, written by the run's commit from its manifest (checked against one built here) over the
 * sample run's real outputs and loaded in headless Chromium: eleven entries, every link resolves to a
 * file of the output, the data-quality numbers are the manifest's, the synthetic banner shows on the
 * sample and not otherwise, and the page's screenshot is not blank.
 */
class IndexPageChromiumTest {

    static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path profile;
    static ObjectNode manifest;

    @BeforeAll
    static void render() throws Exception {
        SampleRun.ensure();
        RealTools.chromium();
        // both written by the run's commit: the manifest last but for the index page beside it
        manifest = (ObjectNode) JSON.readTree(SampleRun.OUT.resolve("manifest.json").toFile());
        assertTrue(Files.size(SampleRun.OUT.resolve("index.html")) > 0, "the commit wrote index.html");
    }

    /** The committed manifest against one built here from the files themselves and their provenance. */
    @Test
    void theCommittedManifestAgreesWithTheFilesAndTheirProvenance() throws Exception {
        ObjectNode expected = manifest(true);
        for (String key : List.of("formatVersion", "runId", "asOf", "windowStartDate", "windowEndDate", "city", "synthetic")) {
            assertEquals(expected.get(key).asText(), manifest.get(key).asText(), key);
        }
        for (String key : List.of("rowsRead", "rowsAccepted", "rowsRejected", "rowsOutsideWindow")) {
            assertEquals(expected.get("quality").get(key).asLong(), manifest.get("quality").get(key).asLong(), "quality." + key);
        }
        // the provenance keys reasons by camelCase id, the manifest by their label: compare the counts in reason order
        List<Long> expectedRejected = new ArrayList<>(), committedRejected = new ArrayList<>();
        expected.get("quality").get("rejectedByReason").forEach(n -> expectedRejected.add(n.asLong()));
        manifest.get("quality").get("rejectedByReason").forEach(n -> committedRejected.add(n.asLong()));
        assertEquals(expectedRejected, committedRejected, "quality.rejectedByReason");
        assertEquals(expected.get("files").size(), manifest.get("files").size());
        for (int i = 0; i < expected.get("files").size(); i++) {
            JsonNode e = expected.get("files").get(i), a = manifest.get("files").get(i);
            for (String key : List.of("generator", "runId", "key", "bytes", "sha256", "summaryKey", "previewKey")) {
                assertEquals(e.get(key).asText(), a.get(key).asText(), e.get("generator").asText() + "." + key);
            }
        }
    }

    static byte[] read(String key) {
        try {
            return Files.readAllBytes(SampleRun.OUT.resolve(key));
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void elevenEntriesEveryLinkResolvesAndTheBannerShowsOnTheSample() throws Exception {
        String dom = RealTools.dumpDom(SampleRun.OUT.resolve("index.html"), profile.resolve("a"));
        List<String> sections = all(dom, "<section class=\"file\" id=\"([^\"]+)\"");
        assertEquals(Generators.names(), sections, "one entry per file, in manifest order");
        assertEquals(11, sections.size());
        assertTrue(dom.contains("id=\"synthetic-banner\""), "the sample run shows the synthetic banner");
        List<String> links = all(dom, "href=\"([^\"]+)\"");
        assertTrue(links.size() >= 3 * 11 + 1, links.toString());
        for (String href : links) {
            assertFalse(URI.create(href).isAbsolute() || href.startsWith("/"), "relative link: " + href);
            assertTrue(Files.isRegularFile(SampleRun.OUT.resolve(href)), "link " + href + " resolves in the output folder");
        }
        for (String name : Generators.names()) {
            assertTrue(links.contains(name + "/" + name + ".gpkg"), name + " download link");
            String section = dom.substring(dom.indexOf("<section class=\"file\" id=\"" + name + "\""));
            section = section.substring(0, section.indexOf("</section>"));
            assertTrue(section.contains("<svg"), name + ": preview inline");
            String question = JSON.readTree(SampleRun.json(name).toFile()).get("summary").asText();
            assertTrue(section.contains(question.replace("&", "&amp;")), name + ": question");
            assertTrue(section.contains("<code>" + Generators.byName(name).headlineColumn() + "</code>"), name + ": headline column");
        }
        // no external script, font, stylesheet or image: nothing but relative file links leaves the page
        assertFalse(dom.contains("<script") || dom.contains("<link") || dom.contains("@import") || dom.contains("url("), "self-contained");
    }

    @Test
    void theDataQualityPanelShowsTheManifestsNumbers() throws Exception {
        String dom = RealTools.dumpDom(SampleRun.OUT.resolve("index.html"), profile.resolve("b"));
        JsonNode q = manifest.get("quality");
        for (String key : List.of("rowsRead", "rowsAccepted", "rowsRejected", "rowsOutsideWindow")) {
            assertEquals(q.get(key).asLong(), shown(dom, "quality", key), key);
        }
        for (String map : List.of("rejectedByReason", "notes")) {
            String attribute = map.equals("notes") ? "note" : "rejected";
            assertTrue(q.get(map).size() > 0, map + " is not empty on the sample city");
            for (Iterator<Map.Entry<String, JsonNode>> it = q.get(map).fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                assertEquals(e.getValue().asLong(), shown(dom, attribute, e.getKey()), map + " " + e.getKey());
            }
        }
        assertTrue(dom.contains(manifest.get("runId").asText()) && dom.contains(manifest.get("asOf").asText()));
        assertTrue(dom.contains(manifest.get("windowStartDate").asText() + " to " + manifest.get("windowEndDate").asText()));
    }

    @Test
    void theBannerIsAbsentOnOtherInput() throws Exception {
        Path other = SampleRun.DIR.resolve("index-real.html");
        Files.write(other, IndexPage.render(JSON.writeValueAsBytes(manifest.deepCopy().put("synthetic", false)), IndexPageChromiumTest::read));
        // beside the outputs so the relative links and previews resolve the same way
        Path beside = SampleRun.OUT.resolve("index-real.html");
        Files.move(other, beside, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        String dom = RealTools.dumpDom(beside, profile.resolve("c"));
        assertFalse(dom.contains("synthetic-banner"), "no banner on non-sample data");
        assertEquals(11, all(dom, "<section class=\"file\"").size());
        Files.delete(beside);
    }

    @Test
    void theScreenshotIsNotBlank() throws Exception {
        Path png = SampleRun.DIR.resolve("index.png");
        RealTools.screenshot(SampleRun.OUT.resolve("index.html"), png, profile.resolve("d"), 1200, 1800);
        BufferedImage image = ImageIO.read(png.toFile());
        Set<Integer> colours = new HashSet<>();
        int nonWhite = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                colours.add(rgb);
                if (rgb != 0xffffff) nonWhite++;
            }
        }
        assertTrue(colours.size() > 50, colours.size() + " colours");
        assertTrue(nonWhite > image.getWidth() * image.getHeight() / 20, nonWhite + " non-white pixels");
        // the banner's red across the top
        assertEquals(0xb00020, image.getRGB(image.getWidth() / 2, 5) & 0xffffff, "banner colour at the top");
    }

    /** The manifest publish writes, built from the sample run's files and its data-quality provenance. */
    static ObjectNode manifest(boolean synthetic) throws Exception {
        JsonNode p = JSON.readTree(SampleRun.json("serviceEfficiency").toFile()).get("provenance");
        ObjectNode m = JSON.createObjectNode();
        m.put("formatVersion", 1).put("runId", p.get("runId").asText()).put("asOf", p.get("asOf").asText())
                .put("windowStartDate", p.get("windowStartDate").asText()).put("windowEndDate", p.get("windowEndDate").asText())
                .put("snapshotSha256", "0".repeat(64)).put("committedAt", "2025-11-25T06:00:00Z").put("city", p.get("city").asText())
                .put("synthetic", synthetic);
        ObjectNode q = m.putObject("quality");
        for (String key : List.of("rowsRead", "rowsAccepted", "rowsRejected", "rowsOutsideWindow")) q.put(key, p.get(key).asLong());
        ObjectNode rejected = q.putObject("rejectedByReason"), notes = q.putObject("notes");
        p.fields().forEachRemaining(e -> {
            if (e.getKey().startsWith("rejected.")) rejected.put(e.getKey().substring(9), e.getValue().asLong());
            if (e.getKey().startsWith("note.")) notes.put(e.getKey().substring(5), e.getValue().asLong());
        });
        ArrayNode files = m.putArray("files");
        for (String name : Generators.names()) {
            Path gpkg = SampleRun.gpkg(name);
            files.addObject().put("generator", name).put("runId", p.get("runId").asText()).put("key", name + "/" + name + ".gpkg")
                    .put("bytes", Files.size(gpkg)).put("sha256", sha256(gpkg))
                    .put("summaryKey", name + "/" + name + ".json").put("previewKey", name + "/" + name + ".svg");
        }
        return m;
    }

    /** The number a data-quality cell shows, checked against its data-value (commas are the page's grouping). */
    static long shown(String dom, String attribute, String key) {
        Matcher m = Pattern.compile("data-" + attribute + "=\"" + Pattern.quote(key) + "\" data-value=\"(\\d+)\">([\\d,]+)<").matcher(dom);
        assertTrue(m.find(), attribute + " " + key + " in the page");
        assertEquals(m.group(1), m.group(2).replace(",", ""), "the text and the value of " + key + " agree");
        return Long.parseLong(m.group(1));
    }

    static List<String> all(String text, String regex) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) out.add(m.groupCount() > 0 ? m.group(1) : m.group());
        return out;
    }

    static String sha256(Path file) throws Exception {
        return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
