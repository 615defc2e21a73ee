package org.gpkg311.generator.geographic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.gpkg311.generator.GeneratorOutput;
import org.gpkg311.generator.RunSettings;
import org.gpkg311.gpkg.GeoPackageCheck;
import org.gpkg311.gpkg.GeoPackageWriter;
import org.gpkg311.model.ServiceRequest;
import org.gpkg311.snapshot.Snapshot;
import org.gpkg311.spatial.SpatialFixture;
import org.gpkg311.table.Table;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * The analysis grid and the hot-spot cell layer on the four fixture squares with 240 requests (120 packed
 * into one corner of district 1, the rest spread evenly): a = 16 km² / 240, so the k = 1 grid has cells of
 * 0.133 km² and well over 30 of them.
 */
class HotSpotCellsTest {

    static Snapshot snapshot;
    static GeneratorOutput out;
    static Table cells;

    @BeforeAll
    static void run() {
        Random random = new Random(4);
        List<ServiceRequest> r = new ArrayList<>();
        for (int i = 0; i < 240; i++) {
            int district;
            double lon, lat;
            if (i < 120) {
                district = 1;
                lon = -86.799 + 0.004 * random.nextDouble();
                lat = 36.101 + 0.004 * random.nextDouble();
            } else {
                district = 1 + random.nextInt(4);
                lon = -86.80 + 0.02 * (district - 1) + 0.0005 + 0.019 * random.nextDouble();
                lat = 36.1005 + 0.019 * random.nextDouble();
            }
            r.add(SpatialFixture.req("q" + i, district, "Pothole", null, lon, lat, "2025-11-03T15:00:00Z", 3));
        }
        snapshot = SpatialFixture.snapshot(SpatialFixture.districts(), r);
        out = new GeographicPatterns().generate(snapshot, RunSettings.defaults());
        cells = out.layer("geographicPatternsHotSpotCells");
    }

    @Test
    void chosenGridAndItsCells() {
        int n = cells.rowCount();
        assertTrue(n >= 30, "cells " + n);
        assertEquals(String.valueOf(n), out.provenance().value("grid.cellCount"));
        int sum = 0;
        for (int c = 0; c < n; c++) {
            sum += (Integer) cells.get(c, "requestCount");
            Geometry g = cells.geometry(c);
            assertTrue(g instanceof Polygon && g.isValid() && g.getSRID() == 4326);
            assertEquals(7, g.getCoordinates().length); // a hexagon, closed
            Integer district = (Integer) cells.get(c, "districtId");
            assertTrue(district == null || (district >= 1 && district <= 4));
            assertNotNull(cells.get(c, "hotSpot"));
        }
        // Every located request lies in a kept cell.
        assertEquals(240, sum);
        // The packed corner makes a hot spot among the cells.
        boolean hot = false;
        for (int c = 0; c < n; c++) hot |= (Integer) cells.get(c, "giBin") > 0;
        assertTrue(hot);
    }

    @Test
    void chosenCandidateHasTheHighestMoranI() {
        double chosenI = Double.NaN, best = Double.NEGATIVE_INFINITY;
        String chosen = out.provenance().value("grid.chosen");
        for (int k = 1; k <= 8; k++) {
            String c = out.provenance().value("grid.candidate.k" + k);
            String i = c.replaceAll(".*moranI=([^;]*);.*", "$1");
            int count = Integer.parseInt(c.replaceAll(".*cells=([0-9]+);.*", "$1"));
            if (i.equals("null") || count < 30) continue;
            best = Math.max(best, Double.parseDouble(i));
            if (chosen.equals("k=" + k)) chosenI = Double.parseDouble(i);
        }
        assertEquals(best, chosenI);
    }

    @Test
    void concentrationIsDefinedOnTheGrid() {
        Table d = out.layer("geographicPatternsDistricts");
        for (int i = 0; i < 4; i++) {
            Double gini = (Double) d.get(i, "concentrationGini");
            assertNotNull(gini);
            assertTrue(gini >= 0 && gini < 1);
            assertNotNull(d.get(i, "cellCountCV"));
        }
        // District 1 holds the packed corner: the most concentrated.
        double g1 = (Double) d.get(0, "concentrationGini");
        for (int i = 1; i < 4; i++) assertTrue(g1 > (Double) d.get(i, "concentrationGini"));
    }

    @Test
    void theWriterAcceptsEveryLayer(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("geographicPatterns.gpkg");
        GeoPackageWriter.write(file, GeographicPatterns.NAME, out.layers(), out.provenance());
        GeoPackageCheck.verify(file, out.layers());
        // Also with no grid (the small fixture): an empty polygon layer.
        GeneratorOutput small = new GeographicPatterns().generate(SpatialFixture.snapshot(), RunSettings.defaults());
        Path other = dir.resolve("small.gpkg");
        GeoPackageWriter.write(other, GeographicPatterns.NAME, small.layers(), small.provenance());
        GeoPackageCheck.verify(other, small.layers());
    }
}
