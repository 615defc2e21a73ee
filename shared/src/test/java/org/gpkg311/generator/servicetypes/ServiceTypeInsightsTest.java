package org.gpkg311.generator.servicetypes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.gpkg311.generator.GeneratorOutput;
import org.gpkg311.generator.RunSettings;
import org.gpkg311.snapshot.Snapshot;
import org.gpkg311.spatial.SpatialFixture;
import org.gpkg311.table.Table;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * serviceTypeInsights on {@link SpatialFixture}. Type counts: D1 Pothole 3, Graffiti 2, Trash 2, Noise 1;
 * D2 Trash 3, Noise 2, Pothole 1; D3 Streetlight 3, Pothole 2; D4 none. City: Pothole 6, Trash 5,
 * Noise 3, Streetlight 3, Graffiti 2 (19).
 * Response hours: city median of the 16 closed = (10 + 12)/2 = 11; type medians Pothole (10,12,20,30,50,60) 25,
 * Trash (4,5,5,6,8) 5, Graffiti 40, Noise (1,2) 1.5, Streetlight (80,100) 90.
 */
class ServiceTypeInsightsTest {

    static final double EPS = 1e-12;
    static Snapshot snapshot;
    static GeneratorOutput out;
    static Table d;
    static Table r;

    @BeforeAll
    static void run() {
        snapshot = SpatialFixture.snapshot();
        out = new ServiceTypeInsights().generate(snapshot, RunSettings.defaults());
        d = out.layer("serviceTypeInsightsDistricts");
        r = out.layer("serviceTypeInsightsRequests");
    }

    static Object v(int district, String column) {
        return d.get(district, column);
    }

    @Test
    void mixAndDiversity() {
        assertEquals(List.of(4, 3, 2, 0), List.of(v(0, "distinctTypes"), v(1, "distinctTypes"), v(2, "distinctTypes"), v(3, "distinctTypes")));
        // D1: Graffiti and Trash tie at 2 behind Pothole: alphabetical → Graffiti second.
        assertEquals("Pothole", v(0, "topRequestType"));
        assertEquals("Graffiti", v(0, "secondRequestType"));
        assertEquals(3 / 8.0, (Double) v(0, "topTypeShare"), EPS);
        assertEquals(7 / 8.0, (Double) v(0, "top3TypeShare"), EPS);
        assertEquals("Trash", v(1, "topRequestType"));
        assertEquals("Noise", v(1, "secondRequestType"));
        assertEquals(1.0, (Double) v(1, "top3TypeShare"), EPS);
        assertEquals("Streetlight", v(2, "topRequestType"));
        assertEquals(0.6, (Double) v(2, "topTypeShare"), EPS);
        // Shannon −Σ p ln p: D1 (3,2,2,1)/8 = 1.3208883431493221; D2 (3,2,1)/6 = 1.0114042647073516; D3 (3,2)/5 = 0.6730116670092565.
        assertEquals(1.3208883431493221, (Double) v(0, "shannonDiversity"), EPS);
        assertEquals(1.0114042647073516, (Double) v(1, "shannonDiversity"), EPS);
        assertEquals(0.6730116670092565, (Double) v(2, "shannonDiversity"), EPS);
        // Evenness H / ln k: 1.32089/ln 4 = 0.9528195311147832; D3: 0.67301/ln 2 = 0.9709505944546688.
        assertEquals(0.9528195311147832, (Double) v(0, "evenness"), EPS);
        assertEquals(0.9709505944546688, (Double) v(2, "evenness"), EPS);
        // Herfindahl Σp²: D1 (9+4+4+1)/64 = 0.28125, Simpson 0.71875; D2 14/36; D3 13/25 = 0.52.
        assertEquals(0.28125, (Double) v(0, "herfindahlIndex"), EPS);
        assertEquals(0.71875, (Double) v(0, "simpsonDiversity"), EPS);
        assertEquals(14 / 36.0, (Double) v(1, "herfindahlIndex"), EPS);
        assertEquals(0.52, (Double) v(2, "herfindahlIndex"), EPS);
        for (String c : List.of("topRequestType", "secondRequestType", "topTypeShare", "top3TypeShare", "shannonDiversity",
                "evenness", "simpsonDiversity", "herfindahlIndex", "recurringShare", "complexityIndex", "complexServiceShare",
                "mostOverrepresentedType", "overrepresentationQuotient", "diversityCategory", "mixCategory", "mixConfidence")) {
            assertNull(v(3, c), c);
        }
    }

    @Test
    void evennessIsNullWithASingleType() {
        var one = SpatialFixture.snapshot(SpatialFixture.districts(), List.of(
                SpatialFixture.req("a", 1, "Noise", "1 A St", -86.795, 36.105, "2025-11-03T15:00:00Z", 1),
                SpatialFixture.req("b", 1, "Noise", "2 A St", -86.790, 36.105, "2025-11-03T16:00:00Z", 2)));
        Table t = new ServiceTypeInsights().generate(one, RunSettings.defaults()).layer("serviceTypeInsightsDistricts");
        assertEquals(0.0, (Double) t.get(0, "shannonDiversity"), EPS);
        assertNull(t.get(0, "evenness"));
        assertNull(t.get(0, "secondRequestType"));
    }

    @Test
    void recurringLocations() {
        // 16 (location, type) pairs: 100 MAIN ST/Pothole 3 (three spellings), 500 CEDAR LN/Trash 2, 14 singletons
        // (r12 has no address: its LAEA cell). Type 7 p95: h = 15·0.95 = 14.25 → 2 + 0.25·(3 − 2) = 2.25 → R = 3.
        assertEquals("3", out.provenance().value("recurringThresholdR"));
        assertEquals(2.25, Double.parseDouble(out.provenance().value("recurringPairCount95thPercentile")), EPS);
        assertEquals(List.of(1, 0, 0, 0), List.of(v(0, "recurringLocations"), v(1, "recurringLocations"),
                v(2, "recurringLocations"), v(3, "recurringLocations")));
        assertEquals(3 / 8.0, (Double) v(0, "recurringShare"), EPS);
        assertEquals(0.0, (Double) v(1, "recurringShare"), EPS);
        assertEquals(Boolean.TRUE, r.get(rowOf("r02"), "isRecurring"));
        assertEquals(Boolean.FALSE, r.get(rowOf("r10"), "isRecurring")); // a pair of 2 < R
    }

    @Test
    void complexityAndOverrepresentation() {
        // D1: (3·25 + 2·5 + 2·40 + 1·1.5) / 8 / 11 = 166.5/88; D2: (3·5 + 1·25 + 2·1.5)/6/11 = 43/66; D3: (2·25 + 3·90)/5/11 = 320/55.
        assertEquals(166.5 / 88, (Double) v(0, "complexityIndex"), EPS);
        assertEquals(43 / 66.0, (Double) v(1, "complexityIndex"), EPS);
        assertEquals(320 / 55.0, (Double) v(2, "complexityIndex"), EPS);
        // Complex types (median > 11): Pothole, Graffiti, Streetlight. D1 (3+2)/8; D2 1/6; D3 5/5.
        assertEquals(0.625, (Double) v(0, "complexServiceShare"), EPS);
        assertEquals(1 / 6.0, (Double) v(1, "complexServiceShare"), EPS);
        assertEquals(1.0, (Double) v(2, "complexServiceShare"), EPS);
        // Eligible types: count ≥ median count per type (2,3,3,5,6 → 3): Pothole, Trash, Noise, Streetlight.
        // D1: Pothole (3/8)/(6/19) = 1.1875 beats Trash 0.95 and Noise 0.7917 (Graffiti not eligible).
        assertEquals("Pothole", v(0, "mostOverrepresentedType"));
        assertEquals(1.1875, (Double) v(0, "overrepresentationQuotient"), EPS);
        // D2: Noise (2/6)/(3/19) = 19/9 beats Trash 1.9; D3: Streetlight (3/5)/(3/19) = 3.8.
        assertEquals("Noise", v(1, "mostOverrepresentedType"));
        assertEquals(19 / 9.0, (Double) v(1, "overrepresentationQuotient"), EPS);
        assertEquals("Streetlight", v(2, "mostOverrepresentedType"));
        assertEquals(3.8, (Double) v(2, "overrepresentationQuotient"), EPS);
        // Binomial upper tails (Σ C(n,k) p^k (1−p)^(n−k)): D1 all > .05 (min Graffiti P(X≥2|8, 2/19) = 0.2027);
        // D2 min Trash P(X≥3|6, 5/19) = 0.1908; D3 Streetlight P(X≥3|5, 3/19) = 0.03063 < .05, Pothole 0.504.
        // The family: 3 districts with requests × 4 eligible types = 12 pairs; Benjamini–Hochberg at .05 needs the
        // smallest p ≤ .05/12 = 0.00417, and 0.03063 is not: no pair is rejected (uncorrected, D3 would count 1).
        assertEquals(List.of(0, 0, 0, 0), List.of(v(0, "overrepresentedTypeCount"), v(1, "overrepresentedTypeCount"),
                v(2, "overrepresentedTypeCount"), v(3, "overrepresentedTypeCount")));
    }

    @Test
    void quartileLabels() {
        // Three defined values a < b < c: type-7 Q1 = (a+b)/2, Q2 = b, Q3 = (b+c)/2 → classes 1, 2, 4.
        // Shannon: D3 < D2 < D1; complexity: D2 < D1 < D3; recurringShare 0, 0, 0.375 → Q1 = Q2 = 0 → 1, 1, 4.
        assertEquals("Highest quarter", v(0, "diversityCategory"));
        assertEquals("Lower-middle quarter", v(1, "diversityCategory"));
        assertEquals("Lowest quarter", v(2, "diversityCategory"));
        assertEquals("Lower-middle quarter", v(0, "complexityCategory"));
        assertEquals("Lowest quarter", v(1, "complexityCategory"));
        assertEquals("Highest quarter", v(2, "complexityCategory"));
        assertEquals("Highest quarter", v(0, "recurrenceCategory"));
        assertEquals("Lowest quarter", v(1, "recurrenceCategory"));
        assertEquals("Lowest quarter", v(2, "recurrenceCategory"));
    }

    @Test
    void mixCategoryNeedsFourDistricts() {
        // Three districts with every feature defined (D4 has no request): fewer than 4 → No distinct groups
        assertEquals("No distinct groups", v(0, "mixCategory"));
        assertEquals("No distinct groups", v(1, "mixCategory"));
        assertEquals("No distinct groups", v(2, "mixCategory"));
        assertNull(v(0, "mixConfidence"));
        assertEquals("NULL", out.provenance().value("mixCategory.k"));
        assertTrue(out.provenance().value("mixCategory.decision").contains("fewer than 4 eligible districts (3)"));
        assertEquals("6", out.provenance().value("mixCategory.maxK"));
        assertTrue(out.provenance().value("mixCategory.method").contains("seeded restarts"));
    }

    /* Names of mix groups: Diverse/Narrow from the larger |z| of diversity and the flipped Herfindahl index. */
    @Test
    void mixGroupNamesCountDiversityAndHerfindahlAsOneWord() {
        double[][] z = {{0.2, -1.4, 0.1, 0.9}, {-0.3, 0.2, 1.1, -0.1}};
        String[] names = ServiceTypeMetrics.MIX_WORDS.names(null, z, null);
        // group 1: Herfindahl −1.4 flipped → Diverse 1.4, complexity 0.9 → "Diverse, complex"; group 2: recurring 1.1
        assertEquals(List.of("Diverse, complex", "Recurring"), List.of(names));
    }

    @Test
    void requestContext() {
        int row = rowOf("r15");
        assertEquals("Streetlight", r.get(row, "topRequestType"));
        assertEquals("No distinct groups", r.get(row, "mixCategory"));
        assertEquals(25.0, (Double) r.get(row, "typeMedianResponseHours"), EPS);
        assertEquals(1.5, (Double) r.get(rowOf("r13"), "typeMedianResponseHours"), EPS);
    }

    static int rowOf(String id) {
        for (int i = 0; i < r.rowCount(); i++) if (id.equals(r.get(i, "requestId"))) return i;
        throw new AssertionError(id);
    }
}
