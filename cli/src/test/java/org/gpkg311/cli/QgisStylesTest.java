package org.gpkg311.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.imageio.ImageIO;

import org.gpkg311.generator.Generators;
import org.gpkg311.generator.common.LayerSpec;
import org.gpkg311.style.RequestHeadlines;
import org.gpkg311.table.Levels;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every layer of every file of the sample run opened in real QGIS (Debian's 3.22, headless): the default
 * style from layer_styles loads, districts are graduated or categorised on the headline column with the
 * number of classes worked out here from the file's own values, request points and hot-spot cells are
 * categorised (ordinal labels in their order, dark → light or blue → neutral → red), the aliases are those
 * of gpkg_data_columns, and each district layer renders to a PNG in which the classes' colours show.
 */
class QgisStylesTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Path PNG = SampleRun.DIR.resolve("qgis-png");
    static final Map<String, JsonNode> layers = new TreeMap<>();

    @BeforeAll
    static void openEveryLayerInQgis() throws Exception {
        SampleRun.ensure();
        RealTools.requireQgis();
        Files.createDirectories(PNG);
        Path script = SampleRun.DIR.resolve("check_styles.py");
        try (InputStream in = QgisStylesTest.class.getResourceAsStream("/qgis/check_styles.py")) {
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> command = new ArrayList<>(List.of(RealTools.PYTHON, script.toString(), PNG.toString()));
        for (String name : Generators.names()) command.add(SampleRun.gpkg(name).toString());
        Path runtime = Files.createDirectories(SampleRun.DIR.resolve("xdg-runtime"));
        Files.setPosixFilePermissions(runtime, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        RealTools.Result r = RealTools.run(command, Map.of("QT_QPA_PLATFORM", "offscreen", "XDG_RUNTIME_DIR", runtime.toString()), 600);
        assertEquals(0, r.exit(), "check_styles.py: " + r.err());
        for (String line : r.out().split("\n")) {
            if (line.isBlank()) continue;
            JsonNode n = JSON.readTree(line);
            layers.put(n.get("layer").asText(), n);
        }
    }

    @Test
    void everyLayerOfEveryFileOpensWithItsDefaultStyleAndTheAliasesOfGpkgDataColumns() throws Exception {
        for (String name : Generators.names()) {
            for (String table : featureTables(SampleRun.gpkg(name))) {
                JsonNode l = layers.get(table);
                assertNotNull(l, table + " was opened by QGIS");
                assertTrue(l.get("valid").asBoolean(), table);
                assertTrue(l.get("styleLoaded").asBoolean(), table + ": " + l.get("styleMessage"));
                assertEquals(dataColumnAliases(SampleRun.gpkg(name), table), aliases(l), table + " aliases");
            }
        }
    }

    @Test
    void districtsAreClassifiedOnTheHeadlineWithTheExpectedNumberOfClassesLabelsAndMapTip() throws Exception {
        for (String name : Generators.names()) {
            String headline = Generators.byName(name).headlineColumn();
            JsonNode l = layers.get(name + "Districts");
            Column c = column(SampleRun.gpkg(name), name + "Districts", headline);
            assertEquals(c.text ? "categorizedSymbol" : "graduatedSymbol", l.get("renderer").asText(), name);
            assertEquals(headline, l.get("classAttribute").asText(), name);
            int expected = c.text ? c.distinct + (c.nulls > 0 ? 1 : 0) : numericClasses(c.values);
            assertEquals(expected, l.get("classCount").asInt(), name + " classes of " + headline);
            assertTrue(l.get("labels").asBoolean(), name + " districts are labelled");
            String tip = l.get("mapTip").asText();
            assertTrue(tip.contains("\"districtName\"") && tip.contains("Rank") && tip.contains("Class"), tip);
        }
    }

    @Test
    void requestPointsAndHotSpotCellsAreCategorised() throws Exception {
        for (String name : Generators.names()) {
            JsonNode l = layers.get(name + "Requests");
            String column = RequestHeadlines.of(name);
            Column c = column(SampleRun.gpkg(name), name + "Requests", column);
            assertEquals("categorizedSymbol", l.get("renderer").asText(), name);
            assertEquals(column, l.get("classAttribute").asText(), name);
            assertEquals(c.distinct + (c.nulls > 0 ? 1 : 0), l.get("classCount").asInt(), name + " request classes");
        }
        JsonNode cells = layers.get("geographicPatternsHotSpotCells");
        assertEquals("categorizedSymbol", cells.get("renderer").asText());
        assertEquals("giBin", cells.get("classAttribute").asText());
        assertEquals(7, cells.get("classCount").asInt(), "Gi* bins −3 … +3");
    }

    @Test
    void ordinalRequestLabelsAreListedInTheirOrderAndColouredLowToHigh() throws Exception {
        List<String> ordinal = new ArrayList<>();
        for (String name : Generators.names()) {
            String column = RequestHeadlines.of(name);
            LayerSpec<?> requests = Generators.byName(name).schema().stream()
                    .filter(l -> l.kind() == LayerSpec.Kind.REQUESTS).findFirst().orElseThrow();
            Levels levels = requests.columns().stream().filter(c -> c.name().equals(column)).findFirst().orElseThrow().levels();
            if (levels == null) continue;
            ordinal.add(name);
            List<JsonNode> categories = new ArrayList<>();
            layers.get(name + "Requests").get("categories").forEach(c -> {
                if (!c.get("value").asText().isEmpty()) categories.add(c); // "" is the catch-all for no value
            });
            assertTrue(categories.size() >= 2, name + ": " + categories);
            for (int k = 1; k < categories.size(); k++) {
                String lower = categories.get(k - 1).get("value").asText(), higher = categories.get(k).get("value").asText();
                assertTrue(levels.indexOf(lower) >= 0 && levels.indexOf(lower) < levels.indexOf(higher),
                        name + ": the legend lists " + lower + " before " + higher + ", against " + levels.lowToHigh());
            }
            int[] rgb = categories.stream().mapToInt(c -> Integer.parseInt(c.get("colour").asText().substring(1), 16)).toArray();
            if (levels.diverging()) {
                int middle = levels.lowToHigh().size() / 2;
                for (int k = 0; k < rgb.length; k++) {
                    int side = Integer.compare(levels.indexOf(categories.get(k).get("value").asText()), middle);
                    int r = rgb[k] >> 16 & 0xff, g = rgb[k] >> 8 & 0xff, b = rgb[k] & 0xff;
                    String what = name + " " + categories.get(k).get("value") + " " + categories.get(k).get("colour");
                    if (side < 0) assertTrue(b > r + 40, what + " is blue, below the neutral level");
                    if (side == 0) assertTrue(Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) < 16, what + " is neutral");
                    if (side > 0) assertTrue(r > b + 40, what + " is red, above the neutral level");
                }
            } else {
                for (int k = 1; k < rgb.length; k++) {
                    assertTrue(luminance(rgb[k]) > luminance(rgb[k - 1]), name + ": " + categories.get(k).get("value")
                            + " is lighter than " + categories.get(k - 1).get("value") + " on the dark → light ramp");
                }
            }
        }
        assertEquals(List.of("capacityPlanning", "optimizationOpportunities", "predictiveHotspots", "requestVolatility",
                "serviceEfficiency", "temporalPatterns", "trendDirection"), ordinal.stream().sorted().toList());
    }

    @Test
    void everyGraduatedLegendTellsNeighbouringBoundsApartAndRoundsThemRight() throws Exception {
        int legends = 0;
        for (JsonNode l : layers.values()) {
            if (!"graduatedSymbol".equals(l.get("renderer").asText())) continue;
            legends++;
            List<double[]> bounds = new ArrayList<>(); // per bound: the value QGIS classifies by, the number its label shows
            List<String> texts = new ArrayList<>();
            for (JsonNode r : l.get("ranges")) {
                String[] shown = r.get("label").asText().split(" – ");
                String lowerText = shown[0], upperText = shown[shown.length - 1];
                bounds.add(new double[] {r.get("lower").asDouble(), Double.parseDouble(lowerText)});
                bounds.add(new double[] {r.get("upper").asDouble(), Double.parseDouble(upperText)});
                texts.add(lowerText);
                texts.add(upperText);
            }
            String layer = l.get("layer").asText() + " " + texts;
            for (int b = 0; b < bounds.size(); b++) {
                double value = bounds.get(b)[0], shown = bounds.get(b)[1];
                // the label rounds its bound: off by at most half a unit of its last digit
                String text = texts.get(b);
                assertTrue(Math.abs(value - shown) <= lastDigitUnit(text) / 2 * (1 + 1e-9), layer + ": " + text + " shows " + value);
                if (b > 0 && bounds.get(b - 1)[0] != value) {
                    assertTrue(bounds.get(b - 1)[1] != shown, layer + ": " + texts.get(b - 1) + " and " + text
                            + " read alike for the different bounds " + bounds.get(b - 1)[0] + " and " + value);
                }
            }
        }
        assertEquals(10, legends, "a graduated legend on every numeric headline (timeBasedClusters' is a label)");
    }

    /** The value of one unit in the last digit a number's text shows: "0.391" → 0.001, "408" → 1, "1.23e+06" → 10⁴. */
    static double lastDigitUnit(String text) {
        int e = text.indexOf('e');
        String mantissa = e < 0 ? text : text.substring(0, e);
        int exponent = e < 0 ? 0 : Integer.parseInt(text.substring(e + 1));
        int point = mantissa.indexOf('.');
        return Math.pow(10, exponent - (point < 0 ? 0 : mantissa.length() - point - 1));
    }

    /** Relative luminance (Rec. 709 weights on the sRGB channels; monotonic along viridis). */
    static double luminance(int rgb) {
        return 0.2126 * (rgb >> 16 & 0xff) + 0.7152 * (rgb >> 8 & 0xff) + 0.0722 * (rgb & 0xff);
    }

    @Test
    void everyDistrictLayerRendersWithItsClassColoursInsideTheCounty() throws Exception {
        for (String name : Generators.names()) {
            JsonNode l = layers.get(name + "Districts");
            BufferedImage png = ImageIO.read(Path.of(l.get("png").asText()).toFile());
            // QGIS renders the layer's extent (the county's bounding box) into the whole image
            Map<Integer, Integer> pixels = new HashMap<>();
            for (int y = 0; y < png.getHeight(); y++) {
                for (int x = 0; x < png.getWidth(); x++) pixels.merge(png.getRGB(x, y) & 0xffffff, 1, Integer::sum);
            }
            long distinctLarge = pixels.values().stream().filter(n -> n >= 200).count();
            assertTrue(distinctLarge >= 4, name + ": only " + distinctLarge + " colours cover ≥ 200 px");
            JsonNode headline = JSON.readTree(SampleRun.json(name).toFile()).get("headline");
            Map<String, Integer> members = new HashMap<>();
            headline.get("districts").forEach(d -> members.merge(d.get("class").asText(), 1, Integer::sum));
            for (JsonNode k : headline.get("classes")) {
                if (!members.containsKey(k.get("label").asText())) continue; // the neutral band of a diverging ramp may be empty
                int rgb = Integer.parseInt(k.get("colour").asText().substring(1), 16);
                assertTrue(pixels.getOrDefault(rgb, 0) >= 50, name + ": class " + k.get("label") + " colour " + k.get("colour")
                        + " covers " + pixels.getOrDefault(rgb, 0) + " px");
            }
        }
    }

    /**
     * Classes of a numeric headline by the published rule, worked out here again: one sign → non-empty
     * type-7 quintile classes; signed → the non-empty bands around ±t1, ±t2 (20th, 60th percentile of |v|)
     * plus the neutral band, always kept.
     */
    static int numericClasses(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        if (s[0] < 0 && s[s.length - 1] > 0) {
            double[] a = Arrays.stream(s).map(Math::abs).sorted().toArray();
            double t1 = type7(a, 0.2), t2 = type7(a, 0.6);
            if (t1 == 0) t1 = Arrays.stream(a).filter(x -> x > 0).min().getAsDouble() / 2;
            t2 = Math.max(t1, t2);
            boolean[] used = new boolean[5];
            used[2] = true;
            for (double x : s) used[x < -t2 ? 0 : x < -t1 ? 1 : x <= t1 ? 2 : x <= t2 ? 3 : 4] = true;
            int n = 0;
            for (boolean u : used) if (u) n++;
            return n;
        }
        double[] cuts = {type7(s, 0.2), type7(s, 0.4), type7(s, 0.6), type7(s, 0.8)};
        boolean[] used = new boolean[5];
        for (double x : s) {
            int k = 4;
            for (int j = 0; j < 4; j++) if (x <= cuts[j]) { k = j; break; }
            used[k] = true;
        }
        int n = 0;
        for (boolean u : used) if (u) n++;
        return n;
    }

    /** Hyndman–Fan type 7 on sorted values: h = (n − 1)p, linear between the neighbours. */
    static double type7(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    record Column(boolean text, int distinct, int nulls, double[] values) {}

    static Column column(Path gpkg, String table, String column) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + gpkg)) {
            boolean text;
            try (ResultSet rs = c.createStatement().executeQuery("SELECT type FROM pragma_table_info('" + table + "') WHERE name = '" + column + "'")) {
                assertTrue(rs.next(), table + "." + column);
                text = rs.getString(1).equals("TEXT");
            }
            int distinct, nulls;
            try (ResultSet rs = c.createStatement().executeQuery("SELECT count(DISTINCT \"" + column + "\"), sum(\"" + column
                    + "\" IS NULL) FROM \"" + table + "\"")) {
                rs.next();
                distinct = rs.getInt(1);
                nulls = rs.getInt(2);
            }
            List<Double> values = new ArrayList<>();
            if (!text) {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT \"" + column + "\" FROM \"" + table + "\" WHERE \""
                        + column + "\" IS NOT NULL")) {
                    while (rs.next()) values.add(rs.getDouble(1));
                }
            }
            return new Column(text, distinct, nulls, values.stream().mapToDouble(Double::doubleValue).toArray());
        }
    }

    static List<String> featureTables(Path gpkg) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + gpkg);
             ResultSet rs = c.createStatement().executeQuery("SELECT table_name FROM gpkg_contents WHERE data_type = 'features'")) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }

    static Map<String, String> dataColumnAliases(Path gpkg, String table) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + gpkg);
             PreparedStatement p = c.prepareStatement("SELECT column_name, name FROM gpkg_data_columns WHERE table_name = ?")) {
            p.setString(1, table);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) out.put(rs.getString(1), rs.getString(2));
            }
        }
        return out;
    }

    static Map<String, String> aliases(JsonNode layer) {
        Map<String, String> out = new TreeMap<>();
        layer.get("aliases").fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }
}
