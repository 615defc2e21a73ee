package org.gpkg311.invariants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gpkg311.sample.PlantedStructure;
import org.gpkg311.table.Table;
import org.junit.jupiter.api.Test;

/**
 * The structure planted in the sample city (sample/PlantedStructure, stated in its provenance) is found by the
 * generators of a real run on it: the evening districts form a peak group of their own, and the rising districts
 * are "Increasing". (Planted hot blocks are not yet all hot cells: in suburban districts a block holding 30% of a
 * district's requests is not significant against the county's density; the sample must plant them by intensity.)
 */
class PlantedStructureTest {

    static Table districts(String generator) {
        return InvariantsTest.districts(Cities.sample(), generator);
    }

    static int row(Table t, int districtId) {
        for (int i = 0; i < t.rowCount(); i++) if (((Number) t.get(i, "districtId")).intValue() == districtId) return i;
        throw new AssertionError("no district " + districtId + " in " + t.name());
    }

    @Test
    void eveningDistrictsFormTheirOwnPeakGroup() {
        Table t = districts("peakHourConsistency");
        Set<Object> eveningLabels = new HashSet<>();
        for (int id : PlantedStructure.EVENING) eveningLabels.add(t.get(row(t, id), "peakPatternType"));
        assertEquals(1, eveningLabels.size(), () -> "the evening districts " + PlantedStructure.EVENING + " carry " + eveningLabels);
        Object label = eveningLabels.iterator().next();
        assertFalse(InvariantsTest.NO_GROUPS.equals(label) || InvariantsTest.TOO_FEW.equals(label), () -> "evening districts: " + label);
        List<Object> others = new ArrayList<>();
        for (int i = 0; i < t.rowCount(); i++) {
            int id = ((Number) t.get(i, "districtId")).intValue();
            if (!PlantedStructure.EVENING.contains(id) && label.equals(t.get(i, "peakPatternType"))) others.add(id);
        }
        assertTrue(others.isEmpty(), () -> "districts " + others + " share the evening group's label " + label);
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
