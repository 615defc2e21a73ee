package org.gpkg311.snapshot;

import static org.gpkg311.testing.Fixtures.HUB_HEADER;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.gpkg311.pipeline.Inputs;
import org.gpkg311.pipeline.Pipeline;
import org.gpkg311.pipeline.RunListener;
import org.gpkg311.profile.CityProfile;
import org.gpkg311.read.InputFormatException;
import org.gpkg311.read.RunRefusedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run with nothing to publish is refused with one line (issue 9, item 3): real files in a real folder, read
 * through {@link Inputs} and {@link Pipeline#prepare} as the CLI and the Lambdas do; the window never comes from
 * the clock.
 */
class RefusedRunTest {

    private static final Instant CLOCK = Instant.parse("2025-12-01T00:00:00Z");

    @TempDir
    Path root;

    /** A Hub CSV row at 100 Broadway (inside Nashville's district 19 of the bundled 2022 plan). */
    private static String row(String id, String opened) {
        return id + ",New,Public Safety,Noise,," + opened + ",,Phone,100 Broadway,NASHVILLE,19,37203,36.1615,-86.7764";
    }

    private RunRefusedException refused(String content, Instant asOf) throws Exception {
        Path raw = Files.createDirectories(root.resolve("raw/311"));
        Files.writeString(raw.resolve("export.csv"), content, StandardCharsets.UTF_8);
        CityProfile nashville = CityProfile.nashville();
        Inputs inputs = Inputs.resolve(List.of(root.toString()), null, nashville);
        RunRefusedException e = assertThrows(RunRefusedException.class,
                () -> Pipeline.prepare(inputs, nashville, asOf, CLOCK, null, RunListener.SILENT));
        assertInstanceOf(InputFormatException.class, e, "the CLI maps InputFormatException to exit 2");
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().startsWith("run refused: "), e.getMessage());
        assertTrue(e.getMessage().contains("export.csv"), e.getMessage());
        assertFalse(e.getMessage().contains(CLOCK.toString()), "the clock never dates a run: " + e.getMessage());
        return e;
    }

    @Test
    void aZeroByteFileIsRefused() throws Exception {
        RunRefusedException e = refused("", null);
        assertTrue(e.getMessage().contains("no request rows"), e.getMessage());
    }

    @Test
    void aHeaderOnlyFileIsRefused() throws Exception {
        RunRefusedException e = refused(HUB_HEADER + "\r\n", null);
        assertTrue(e.getMessage().contains("no request rows"), e.getMessage());
    }

    @Test
    void aFileWhoseRowsAreAllRejectedIsRefusedWithTheReasons() throws Exception {
        RunRefusedException e = refused(HUB_HEADER + "\n" + row("1", "not a date") + "\n" + row("", "2025-11-01T10:00:00Z")
                + "\n" + row("3", "2025-11-02T10:00:00Z").replace("36.1615,-86.7764", "91,-86.7764") + "\n", null);
        assertTrue(e.getMessage().contains("all 3 rows"), e.getMessage());
        assertTrue(e.getMessage().contains("missing request id 1"), e.getMessage());
        assertTrue(e.getMessage().contains("unparseable open time 1"), e.getMessage());
        assertTrue(e.getMessage().contains("invalid coordinates (non-numeric, out of range or 0/0) 1"), e.getMessage());
    }

    @Test
    void aWindowBeforeTheDataIsRefused() throws Exception {
        // asOf 2024-06-30: window 2024-03-31 .. 2024-06-30 local; the data opens in November 2025
        RunRefusedException e = refused(HUB_HEADER + "\n" + row("1", "2025-11-01T10:00:00Z") + "\n"
                + row("2", "2025-11-20T10:00:00Z") + "\n", Instant.parse("2024-06-30T12:00:00Z"));
        assertTrue(e.getMessage().contains("no accepted request in the window 2024-03-31 .. 2024-06-30"), e.getMessage());
        assertTrue(e.getMessage().contains("open from 2025-11-01T10:00:00Z to 2025-11-20T10:00:00Z"), e.getMessage());
    }

    @Test
    void aWindowAfterTheDataIsRefused() throws Exception {
        // asOf 2025-11-30: window 2025-08-31 .. 2025-11-30; both rows opened in 2024
        RunRefusedException e = refused(HUB_HEADER + "\n" + row("1", "2024-03-01T10:00:00Z") + "\n"
                + row("2", "2024-04-01T10:00:00Z") + "\n", Instant.parse("2025-11-30T12:00:00Z"));
        assertTrue(e.getMessage().contains("no accepted request in the window 2025-08-31 .. 2025-11-30"), e.getMessage());
    }

    /** The bundled real 2022 plan with every position written [lat, lon], as a careless export does. */
    private static List<org.gpkg311.model.District> swappedDistricts() throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.JsonNode root;
        try (var in = RefusedRunTest.class.getResourceAsStream(Inputs.BUNDLED_DISTRICTS)) {
            root = json.readTree(in);
        }
        for (var f : root.get("features")) swap(f.get("geometry").get("coordinates"));
        return org.gpkg311.geo.DistrictLoader.load(new java.io.ByteArrayInputStream(json.writeValueAsBytes(root)),
                "swapped.geojson", CityProfile.nashville().toDistrictFields());
    }

    private static void swap(com.fasterxml.jackson.databind.JsonNode node) {
        if (node.size() >= 2 && node.get(0).isNumber()) {
            var a = (com.fasterxml.jackson.databind.node.ArrayNode) node;
            double lon = a.get(0).asDouble();
            a.set(0, a.get(1).asDouble());
            a.set(1, lon);
            return;
        }
        for (var child : node) swap(child);
    }

    @Test
    void districtsWithSwappedLonLatContainNoneOfThePointsAndAreRefused() throws Exception {
        List<org.gpkg311.model.District> swapped = swappedDistricts();
        assertEquals(35, swapped.size(), "the swapped polygons load: lat -86 is a valid latitude");
        // two rows kept by their district field alone, one rejected as outside every district
        String csv = HUB_HEADER + "\n" + row("1", "2025-11-01T10:00:00Z") + "\n" + row("2", "2025-11-02T10:00:00Z") + "\n"
                + row("3", "2025-11-03T10:00:00Z").replace("NASHVILLE,19,", "NASHVILLE,,") + "\n";
        RunRefusedException e = assertThrows(RunRefusedException.class, () -> SnapshotBuilder.build(
                List.of(org.gpkg311.read.RawSource.of("a.csv", csv.getBytes(StandardCharsets.UTF_8))), swapped,
                CityProfile.nashville(), null, CLOCK, "r"));
        assertFalse(e.getMessage().contains("\n"));
        assertTrue(e.getMessage().startsWith("run refused: none of the 3 requests with coordinates lies inside any of the"
                + " 35 district polygons"), e.getMessage());
        assertTrue(e.getMessage().contains("the kept points span lon -86.776 .. -86.776, lat 36.162 .. 36.162"), e.getMessage());
        assertTrue(e.getMessage().contains("lon/lat swapped"), e.getMessage());
    }

    @Test
    void withoutAnExplicitAsOfTheWindowEndsAtTheLatestOpeningNotAtTheClock() throws Exception {
        Path raw = Files.createDirectories(root.resolve("raw/311"));
        Files.writeString(raw.resolve("export.csv"), HUB_HEADER + "\n" + row("1", "2024-03-01T10:00:00Z") + "\n");
        CityProfile nashville = CityProfile.nashville();
        Snapshot s = Pipeline.prepare(Inputs.resolve(List.of(root.toString()), null, nashville), nashville, null, CLOCK,
                null, RunListener.SILENT);
        assertEquals(Instant.parse("2024-03-01T10:00:00Z"), s.window().asOf());
        assertEquals(1, s.requests().size());
    }
}
