package org.gpkg311.spatial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class RecurringLocationsTest {

    @Test
    void addressNormalisation() {
        assertEquals("123 MAIN ST", RecurringLocations.normaliseAddress("123 Main St., Nashville, TN"));
        assertEquals("123 MAIN ST", RecurringLocations.normaliseAddress("  123   main st  "));
        assertEquals("12 OBRIEN AVE", RecurringLocations.normaliseAddress("12 O'Brien Ave"));
        assertEquals("A B", RecurringLocations.normaliseAddress("a - b"));
        assertNull(RecurringLocations.normaliseAddress(" , Nashville"));
        assertNull(RecurringLocations.normaliseAddress(null));
    }

    @Test
    void thresholdIsTheCeilingOfThe95thPercentileOfPairCounts() {
        // 20 (location, type) pairs: 18 singletons, one pair of 5 (written three ways), one pair of 9.
        // Sorted counts: 1 × 18, 5, 9. Type 7: h = 19 · 0.95 = 18.05 → x[18] + 0.05 · (x[19] − x[18])
        // = 5 + 0.05 · 4 = 5.2; R = max(2, ⌈5.2⌉) = 6. So the 9-pair recurs, the 5-pair does not.
        List<String> address = new ArrayList<>();
        List<String> type = new ArrayList<>();
        for (int i = 0; i < 18; i++) { address.add(i + " Elm St"); type.add("Pothole"); }
        String[] fiveWays = {"1 Oak St", "1 OAK ST, Nashville", "1 oak st.", "1 Oak  St", "1 Oak St"};
        for (String a : fiveWays) { address.add(a); type.add("Graffiti"); }
        for (int i = 0; i < 9; i++) { address.add("7 Pine Rd"); type.add("Trash"); }
        int n = address.size();
        double[] none = new double[n];
        java.util.Arrays.fill(none, Double.NaN);
        RecurringLocations r = RecurringLocations.of(address.toArray(String[]::new), type.toArray(String[]::new), none, none, 10);
        assertEquals(20, r.pairs());
        assertEquals(5.2, r.percentile95(), 1e-12);
        assertEquals(6, r.threshold());
        assertFalse(r.recurring()[18]);      // a singleton
        assertEquals(5, r.pairCount()[19]);  // the five spellings are one location
        assertFalse(r.recurring()[19]);
        assertTrue(r.recurring()[n - 1]);
        assertEquals(9, r.pairCount()[n - 1]);
    }

    @Test
    void anIntegerPercentileIsNotPushedUpByRounding() {
        // 20 pairs: 18 singletons, one pair of 2, one pair of 22. Sorted counts: 1 × 18, 2, 22.
        // Type 7: h = 19 · 0.95 = 18.05 → x[18] + 0.05 · (x[19] − x[18]) = 2 + 0.05 · 20 = 3 exactly,
        // so R = max(2, ⌈3⌉) = 3 (floating-point 0.95 gives 3.0000000000000142, whose ceiling would be 4).
        List<String> address = new ArrayList<>();
        List<String> type = new ArrayList<>();
        for (int i = 0; i < 18; i++) { address.add(i + " Elm St"); type.add("Pothole"); }
        for (int i = 0; i < 2; i++) { address.add("1 Oak St"); type.add("Graffiti"); }
        for (int i = 0; i < 22; i++) { address.add("7 Pine Rd"); type.add("Trash"); }
        int n = address.size();
        double[] none = new double[n];
        java.util.Arrays.fill(none, Double.NaN);
        RecurringLocations r = RecurringLocations.of(address.toArray(String[]::new), type.toArray(String[]::new), none, none, 10);
        assertEquals(20, r.pairs());
        assertEquals(3.0, r.percentile95(), 0.0);
        assertEquals(3, r.threshold());
        assertFalse(r.recurring()[18]); // the pair of 2 < R
        assertTrue(r.recurring()[n - 1]);
    }

    @Test
    void atLeastTwoRepeatsAndCellSnappingWithoutAddress() {
        // No addresses; cell side 10 m. Points (1,1) and (9,9) share cell (0,0); (11,1) is in cell (1,0);
        // the last request has no point and no address: no location.
        // Pair counts 2 (cell (0,0), Noise) and 1 (cell (1,0), Noise): p95 = 1 + 0.95 · 1 = 1.95 → ⌈⌉ = 2 = R.
        String[] address = {null, "", null, null};
        String[] type = {"Noise", "Noise", "Noise", "Noise"};
        double[] x = {1, 9, 11, Double.NaN};
        double[] y = {1, 9, 1, Double.NaN};
        RecurringLocations r = RecurringLocations.of(address, type, x, y, 10);
        assertEquals(2, r.threshold());
        assertTrue(r.recurring()[0]);
        assertTrue(r.recurring()[1]);
        assertFalse(r.recurring()[2]);
        assertFalse(r.recurring()[3]);
        assertNull(r.location()[3]);
        assertEquals(r.location()[0], r.location()[1]);
    }
}
