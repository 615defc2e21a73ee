package org.gpkg311.invariants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gpkg311.generator.geographic.GeographicPatterns;
import org.gpkg311.sample.PlantedStructure;
import org.gpkg311.table.Table;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/**
 * The structure planted in the sample city (sample/PlantedStructure, stated in its provenance) is found by the
 * generators of a real run on it: its hot blocks are hot cells, the evening districts form a peak group of their
 * own, the suburban districts (more trash and recycling requests) a service-mix group of their own, and the rising
 * districts are "Increasing".
 */
class PlantedStructureTest {

    static Table districts(String generator) {
        return InvariantsTest.districts(Cities.sample(), generator);
    }

    static int row(Table t, int districtId) {
        for (int i = 0; i < t.rowCount(); i++) if (((Number) t.get(i, "districtId")).intValue() == districtId) return i;
        throw new AssertionError("no district " + districtId + " in " + t.name());
    }

    /** Every planted block centre lies in a cell labelled a hot spot (after the FDR correction) in the file. */
    @Test
    void plantedHotBlocksAreHotCells() {
        Table cells = InvariantsTest.layer(Cities.sample(), "geographicPatterns", GeographicPatterns.CELLS_LAYER);
        List<double[]> blocks = Cities.sampleHotBlocks();
        assertEquals(PlantedStructure.HOT_BLOCKS.size() * PlantedStructure.BLOCKS_PER_DISTRICT, blocks.size());
        GeometryFactory gf = new GeometryFactory();
        List<String> missed = new ArrayList<>();
        for (double[] b : blocks) {
            Point p = gf.createPoint(new Coordinate(b[0], b[1]));
            String label = null;
            for (int i = 0; i < cells.rowCount() && label == null; i++) {
                if (cells.geometry(i).covers(p)) label = (String) cells.get(i, "hotSpot");
            }
            if (label == null || !label.startsWith("Hot spot")) missed.add("district " + (int) b[2] + " block at " + b[0] + ", " + b[1] + ": " + label);
        }
        assertTrue(missed.isEmpty(), () -> missed.size() + " of " + blocks.size() + " planted blocks are not hot cells: " + missed);
    }

    @Test
    void eveningDistrictsFormTheirOwnPeakGroup() {
        assertOwnGroup(districts("peakHourConsistency"), "peakPatternType", PlantedStructure.EVENING);
    }

    @Test
    void suburbanDistrictsFormTheirOwnTimeCluster() {
        assertOwnGroup(districts("timeBasedClusters"), "clusterLabel", PlantedStructure.MORNING);
    }

    @Test
    void suburbanDistrictsFormTheirOwnMixGroup() {
        assertOwnGroup(districts("serviceTypeInsights"), "mixCategory", PlantedStructure.MORNING);
    }

    /** The planted districts share one label, a real group's, and no other district carries it. */
    static void assertOwnGroup(Table t, String column, Set<Integer> planted) {
        Set<Object> labels = new HashSet<>();
        for (int id : planted) labels.add(t.get(row(t, id), column));
        assertEquals(1, labels.size(), () -> "the planted districts " + planted + " carry " + column + " " + labels);
        Object label = labels.iterator().next();
        assertFalse(InvariantsTest.NO_GROUPS.equals(label) || InvariantsTest.TOO_FEW.equals(label), () -> column + " of the planted districts: " + label);
        List<Object> others = new ArrayList<>();
        for (int i = 0; i < t.rowCount(); i++) {
            int id = ((Number) t.get(i, "districtId")).intValue();
            if (!planted.contains(id) && label.equals(t.get(i, column))) others.add(id);
        }
        assertTrue(others.isEmpty(), () -> "districts " + others + " share the planted group's " + column + " " + label);
    }

    @Test
    void risingDistrictsAreIncreasing() {
        Table t = districts("trendDirection");
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<Integer, Double> e : PlantedStructure.TREND.entrySet()) {
            if (e.getValue() <= 0) continue;
            Object dir = t.get(row(t, e.getKey()), "trendDirection");
            if (!"Increasing".equals(dir)) wrong.add("district " + e.getKey() + ": " + dir);
        }
        assertTrue(wrong.isEmpty(), () -> "rising districts not \"Increasing\": " + wrong);
    }
}
