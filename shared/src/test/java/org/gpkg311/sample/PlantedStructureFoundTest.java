package org.gpkg311.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.gpkg311.generator.peakhour.PeakHourMetrics;
import org.gpkg311.generator.trend.TrendMetrics;
import org.gpkg311.series.SnapshotSeries;
import org.gpkg311.snapshot.Snapshot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12, "Done when": the planted structure of the sample city is found by the Revision 3 statistics. */
class PlantedStructureFoundTest {

    @TempDir
    static Path dir;
    static Snapshot snapshot;
    static SnapshotSeries series;

    @BeforeAll
    static void build() throws IOException {
        SampleCity.Written w = SampleCity.write(dir, SampleCity.DEFAULT_SEED);
        snapshot = SampleSnapshots.of(w, "planted");
        series = SnapshotSeries.compute(snapshot);
    }

    /** The evening districts form their own peak group, named by the evening daypart, and nobody else is in it. */
    @Test
    void eveningDistrictsFormTheirOwnPeakGroup() {
        PeakHourMetrics m = PeakHourMetrics.compute(series, 311);
        assertTrue(m.pattern().k() >= 2, m.pattern().describe());
        Set<Integer> groupsOfEvening = new HashSet<>();
        for (int i = 0; i < snapshot.districts().size(); i++) {
            int id = snapshot.districts().get(i).id();
            if (PlantedStructure.EVENING.contains(id)) groupsOfEvening.add(m.pattern().group()[i]);
        }
        assertEquals(1, groupsOfEvening.size(), "evening districts spread over groups " + groupsOfEvening);
        int g = groupsOfEvening.iterator().next();
        assertTrue(m.pattern().names()[g - 1].contains("vening peak"), m.pattern().names()[g - 1]);
        for (int i = 0; i < snapshot.districts().size(); i++) {
            int id = snapshot.districts().get(i).id();
            if (!PlantedStructure.EVENING.contains(id)) assertTrue(m.pattern().group()[i] != g, "district " + id + " in the evening group");
        }
    }

    /** Every district planted as rising is Increasing; every one planted as falling is Decreasing. */
    @Test
    void risingDistrictsAreIncreasing() {
        TrendMetrics t = TrendMetrics.compute(series);
        for (int i = 0; i < snapshot.districts().size(); i++) {
            int id = snapshot.districts().get(i).id();
            Double planted = PlantedStructure.TREND.get(id);
            if (planted == null) continue;
            assertNotNull(t.trendDirection()[i]);
            assertEquals(planted > 0 ? "Increasing" : "Decreasing", t.trendDirection()[i], "district " + id);
        }
    }
}
