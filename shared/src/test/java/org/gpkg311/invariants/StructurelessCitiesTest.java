package org.gpkg311.invariants;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.gpkg311.table.Table;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * On the ten structureless cities (every district draws from the same distribution) the profile-group columns
 * say "No distinct groups" in most seeds, with the deciding test in the provenance, and
 * overrepresentedTypeCount is 0 in at least 90% of the districts (Benjamini–Hochberg over all pairs:
 * under a true null everywhere, any rejection at all happens in at most 5% of runs).
 */
class StructurelessCitiesTest {

    static final String NO_GROUPS = InvariantsTest.NO_GROUPS;

    @TestFactory
    Stream<DynamicTest> profileGroupsSayNoDistinctGroupsInMostSeeds() {
        return InvariantsTest.PROFILE_GROUPS.entrySet().stream().map(e -> DynamicTest.dynamicTest(
                "\"No distinct groups\" in most structureless seeds — " + e.getKey(), () -> {
                    String g = e.getKey(), column = e.getValue();
                    List<City> cities = Cities.of(City.Kind.STRUCTURELESS);
                    List<String> found = new ArrayList<>(), problems = new ArrayList<>();
                    int none = 0;
                    for (City c : cities) {
                        Table t = InvariantsTest.districts(c, g);
                        boolean allNone = true;
                        int eligible = 0;
                        for (int i = 0; i < t.rowCount(); i++) {
                            Object l = t.get(i, column);
                            if (l == null || InvariantsTest.TOO_FEW.equals(l)) continue;
                            eligible++;
                            allNone &= NO_GROUPS.equals(l);
                        }
                        String decision = c.output(g).provenance().value(column + ".decision");
                        if (allNone && eligible > 0) {
                            none++;
                            if (decision == null || !decision.contains("decided by") || !(decision.contains("gap statistic")
                                    || decision.contains("silhouette") || decision.contains("eligible")))
                                problems.add(c.name + ": no deciding test in the provenance: " + decision);
                            else if (decision.contains("gap statistic") && !decision.contains("Gap(2)"))
                                problems.add(c.name + ": the gap statistic decided but Gap(1..3) is missing: " + decision);
                        } else {
                            found.add(c.name + ": " + decision);
                        }
                    }
                    int seeds = cities.size(), noneSeeds = none;
                    System.out.println("invariant cities: " + column + " says \"No distinct groups\" in " + none + " of " + seeds + " structureless seeds");
                    assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
                    assertTrue(2 * noneSeeds > seeds, () -> g + "." + column + " says \"No distinct groups\" in only " + noneSeeds
                            + " of " + seeds + " structureless seeds; groups found in:\n  " + String.join("\n  ", found));
                }));
    }

    @Test
    void overrepresentedTypeCountIsZeroInAtLeast90PercentOfDistricts() {
        List<String> low = new ArrayList<>();
        for (City c : Cities.of(City.Kind.STRUCTURELESS)) {
            Table t = InvariantsTest.districts(c, "serviceTypeInsights");
            int districts = 0, zero = 0;
            for (int i = 0; i < t.rowCount(); i++) {
                if (((Number) t.get(i, "requestCount")).intValue() == 0) continue;
                districts++;
                Object n = t.get(i, "overrepresentedTypeCount");
                if (n != null && ((Number) n).intValue() == 0) zero++;
            }
            System.out.println("invariant cities: " + c.name + " overrepresentedTypeCount 0 in " + zero + " of " + districts + " districts");
            if (10 * zero < 9 * districts) low.add(c.name + ": " + zero + " of " + districts + " districts have 0");
        }
        assertTrue(low.isEmpty(), () -> "overrepresentedTypeCount is 0 in fewer than 90% of districts:\n  " + String.join("\n  ", low));
    }
}
