package org.gpkg311.generator.geographic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
 * geographicPatterns on {@link SpatialFixture}. Densities: D1 8/4 = 2, D2 6/3 = 2 (a tie), D3 5/5 = 1,
 * D4 0/4 = 0; city 19/16 = 1.1875; median of (0, 1, 2, 2) = 1.5. Geodesic literals come from
 * GeographicLib's Geodesic.WGS84.Inverse (Karney's reference implementation), run once by hand:
 * 0.005° of longitude at 36.105° = 450.2200703981703 m, 0.005° of latitude = 554.8049735331192 m.
 */
class GeographicPatternsTest {

    static final double EPS = 1e-9;
    static Snapshot snapshot;
    static GeneratorOutput out;
    static Table d;
    static Table r;

    @BeforeAll
    static void run() {
        snapshot = SpatialFixture.snapshot();
        out = new GeographicPatterns().generate(snapshot, RunSettings.defaults());
        d = out.layer("geographicPatternsDistricts");
        r = out.layer("geographicPatternsRequests");
    }

    static Object v(int district, String column) {
        return d.get(district, column);
    }

    @Test
    void densityRanksAndClasses() {
        assertEquals(2.0, (Double) v(0, "requestDensity"), EPS);
        assertEquals(2.0, (Double) v(1, "requestDensity"), EPS);
        assertEquals(1.0, (Double) v(2, "requestDensity"), EPS);
        assertEquals(0.0, (Double) v(3, "requestDensity"), EPS);
        // Mid-rank: 2 → (2 below + 0.5·2)/4 = 75; 1 → (1 + 0.5)/4 = 37.5; 0 → 0.5/4 = 12.5.
        assertEquals(75.0, v(0, "densityPercentile"));
        assertEquals(75.0, v(1, "densityPercentile"));
        assertEquals(37.5, v(2, "densityPercentile"));
        assertEquals(12.5, v(3, "densityPercentile"));
        // Tie shares rank 1; then 3 and 4.
        assertEquals(List.of(1, 1, 3, 4), List.of(v(0, "densityRank"), v(1, "densityRank"), v(2, "densityRank"), v(3, "densityRank")));
        // Type-7 quintile cuts of 0,1,2,2: 0.6, 1.2, 1.8, 2.0 → 2 ≤ 2.0 → class 4; 1 ≤ 1.2 → 2; 0 → 1.
        assertEquals(List.of(4, 4, 2, 1), List.of(v(0, "densityQuintile"), v(1, "densityQuintile"), v(2, "densityQuintile"), v(3, "densityQuintile")));
        // 2 / 1.1875 and 1 / 1.1875.
        assertEquals(1.6842105263157894, (Double) v(0, "densityRatioToCity"), EPS);
        assertEquals(0.8421052631578947, (Double) v(2, "densityRatioToCity"), EPS);
        assertEquals(0.0, (Double) v(3, "densityRatioToCity"), EPS);
    }

    @Test
    void centresAndSpreadOfDistrictOne() {
        // lon: 3 × −86.795, 3 × −86.790, 2 × −86.785 → −86.790625; lat: 4 × 36.105, 1 × 36.110, 3 × 36.115 → 36.109375.
        assertEquals(-86.790625, (Double) v(0, "meanCenterLon"), 1e-12);
        assertEquals(36.109375, (Double) v(0, "meanCenterLat"), 1e-12);
        // GeographicLib: centroid (−86.79, 36.11) to the mean centre; RMS distance from the mean centre;
        // mean distance to the centroid; largest distance between two points (−86.795,36.105)–(−86.785,36.115).
        assertEquals(0.08931009979687365, (Double) v(0, "centroidOffsetKm"), 1e-9);
        assertEquals(0.6229196671658522, (Double) v(0, "standardDistanceKm"), 1e-9);
        assertEquals(0.585252213037534, (Double) v(0, "meanDistanceToCentroidKm"), 1e-9);
        assertEquals(1.428959392372369, (Double) v(0, "maxRequestSpreadKm"), 1e-9);
    }

    @Test
    void averageNearestNeighbour() {
        // D1: NN 0, 0 (duplicate r01/r02), 554.80497 (r03), and five of 450.16/450.22 m; mean 350.71676572191313 (GeographicLib).
        // expected 0.5·√(4e6/8) = 353.5533905932738, SE 0.26136·2000/8 = 65.34:
        // ratio 0.9919768132711139, z = (350.71677 − 353.55339)/65.34 = −0.043413297694530784.
        assertEquals(0.9919768132711139, (Double) v(0, "nearestNeighborRatio"), 1e-9);
        assertEquals(-0.043413297694530784, (Double) v(0, "nearestNeighborZ"), 1e-9);
        // D2: mean 555.7344933187582; expected 0.5·√(3e6/6) = 353.55339; SE 0.26136·√3e6/6 = 75.44820.
        assertEquals(1.571854515059856, (Double) v(1, "nearestNeighborRatio"), 1e-9);
        assertEquals(2.67973631964219, (Double) v(1, "nearestNeighborZ"), 1e-9);
        // D3: 4 located points (r19 has none), mean 714.4796967986347; expected 0.5·√(5e6/4); SE 0.26136·√5e6/4.
        assertEquals(1.2781001364681488, (Double) v(2, "nearestNeighborRatio"), 1e-9);
        assertEquals(1.064050108923128, (Double) v(2, "nearestNeighborZ"), 1e-9);
        // D4: no request → every point statistic NULL.
        for (String c : List.of("meanCenterLon", "meanCenterLat", "centroidOffsetKm", "standardDistanceKm", "nearestNeighborRatio",
                "nearestNeighborZ", "meanDistanceToCentroidKm", "maxRequestSpreadKm")) {
            assertNull(v(3, c), c);
        }
    }

    @Test
    void neighbourhoodOnTheChain() {
        // Queen contiguity of four squares in a row: 1–2, 2–3, 3–4.
        assertEquals(List.of(1, 2, 2, 1), List.of(v(0, "neighborCount"), v(1, "neighborCount"), v(2, "neighborCount"), v(3, "neighborCount")));
        // Lags: D1 = 2 (D2); D2 = (2 + 1)/2 = 1.5; D3 = (2 + 0)/2 = 1; D4 = 1.
        assertEquals(2.0, (Double) v(0, "neighborMeanDensity"), EPS);
        assertEquals(1.5, (Double) v(1, "neighborMeanDensity"), EPS);
        assertEquals(1.0, (Double) v(2, "neighborMeanDensity"), EPS);
        assertEquals(1.0, (Double) v(3, "neighborMeanDensity"), EPS);
        assertEquals(1.0, (Double) v(0, "neighborDensityRatio"), EPS);
        assertEquals(2 / 1.5, (Double) v(1, "neighborDensityRatio"), EPS);
        assertEquals(0.0, (Double) v(3, "neighborDensityRatio"), EPS);
        // Median 1.5: above = D1, D2 (2); below = D3 (1), D4 (0).
        assertEquals(List.of(1, 1, 1, 0), List.of(v(0, "adjacentHighDensityCount"), v(1, "adjacentHighDensityCount"),
                v(2, "adjacentHighDensityCount"), v(3, "adjacentHighDensityCount")));
        assertEquals(List.of(0, 1, 1, 1), List.of(v(0, "adjacentLowDensityCount"), v(1, "adjacentLowDensityCount"),
                v(2, "adjacentLowDensityCount"), v(3, "adjacentLowDensityCount")));
        // isolationKm: 0 for D1, D2; D3 → D2's centroid 0.02° of longitude away, D4 → 0.04° (GeographicLib).
        assertEquals(0.0, (Double) v(0, "isolationKm"), EPS);
        assertEquals(0.0, (Double) v(1, "isolationKm"), EPS);
        assertEquals(1.8007661523223704, (Double) v(2, "isolationKm"), 1e-9);
        assertEquals(3.6015322855927647, (Double) v(3, "isolationKm"), 1e-9);
    }

    @Test
    void giStarOfDensityByHand() {
        // x = 2, 2, 1, 0; mean 1.25; population S = √(2.75/4) = 0.8291561975888501.
        // D1: W = 2, Σ = 4: (4 − 2.5) / (S·√((4·2 − 4)/3)) = 1.5666989036012808.
        // D2: W = 3, Σ = 5: (5 − 3.75) / (S·√((12 − 9)/3)) = 1.507556722888818.
        // D3: W = 3, Σ = 3: −0.75/S = −0.9045340337332909. D4: W = 2, Σ = 1: −1.5666989036012808.
        assertEquals(1.5666989036012808, (Double) v(0, "densityGiZ"), 1e-9);
        assertEquals(1.507556722888818, (Double) v(1, "densityGiZ"), 1e-9);
        assertEquals(-0.9045340337332909, (Double) v(2, "densityGiZ"), 1e-9);
        assertEquals(-1.5666989036012808, (Double) v(3, "densityGiZ"), 1e-9);
        // |z| < 1.645 → p > .10 → bin 0 → Not significant (p of 1.5667 is 0.1172, two-sided normal).
        assertEquals(0.11718, (Double) v(0, "densityGiP"), 1e-4);
        for (int i = 0; i < 4; i++) {
            assertEquals(0, v(i, "densityGiBin"));
            assertEquals(0, v(i, "densityGiBinFdr"));
            assertEquals("Not significant", v(i, "densityHotSpot"));
            assertNotNull(v(i, "densityLisaType"));
        }
    }

    @Test
    void tooFewPointsForAnyGridGiveNullConcentrationAndAnEmptyCellLayer() {
        // 18 located points on 16 km²: a = 16/18 km²; even k = 1 (1.78 km² cells) gives far fewer than 30 cells.
        for (int i = 0; i < 4; i++) {
            assertNull(v(i, "concentrationGini"));
            assertNull(v(i, "cellCountCV"));
            // Without Gini there is no clustering feature for anyone: no category (reason in provenance).
            assertNull(v(i, "spatialPatternCategory"));
        }
        assertEquals(0, out.layer("geographicPatternsHotSpotCells").rowCount());
        assertEquals("NULL", out.provenance().value("grid.chosen"));
        assertEquals("NULL", out.provenance().value("spatialPatternCategory.k"));
        assertEquals("Dense, concentration unknown, no hot spot", v(0, "geographicPatternType"));
        assertEquals("Sparse, concentration unknown, no hot spot", v(3, "geographicPatternType"));
    }

    @Test
    void provenanceStatesTheHotSpotAndMoranSettings() {
        // Spec "Geometry": Gi* binary queen weights with self included; Moran/LISA row-standardised, 999
        // permutations, LISA significant at p ≤ 0.05; queen contiguity within 1 m; bands 99/95/90%.
        var p = out.provenance();
        assertEquals("999", p.value("permutations"));
        assertEquals(0.05, Double.parseDouble(p.value("lisaSignificance")), 0.0);
        assertEquals(1.0, Double.parseDouble(p.value("queenToleranceMeters")), 0.0);
        assertTrue(p.value("giConfidenceBands").startsWith("99/95/90%"));
        assertTrue(p.value("giMethod").contains("self included"), p.value("giMethod"));
        assertTrue(p.value("moranMethod").contains("row-standardised"), p.value("moranMethod"));
        assertTrue(p.value("lisaMethod").contains("conditional permutations"), p.value("lisaMethod"));
        // Silhouette categories: k from 2 to min(6, n−1), stated even when no clustering was possible.
        assertEquals("6", p.value("spatialPatternCategory.maxK"));
        assertTrue(p.value("spatialPatternCategory.method").contains("seeded restarts"));
    }

    @Test
    void requestContext() {
        assertEquals(18, r.rowCount()); // r19 has no point
        int row03 = rowOf("r03"), row01 = rowOf("r01"), row17 = rowOf("r17");
        // r03's nearest neighbour is r01/r02, 0.005° of latitude south (GeographicLib); r01 has a duplicate.
        assertEquals(554.8049735331192, (Double) r.get(row03, "nearestNeighborMeters"), 1e-6);
        assertEquals(0.0, (Double) r.get(row01, "nearestNeighborMeters"), 1e-9);
        // r17 lies on D3's centroid (up to the rounding of −86.80 + 0.05).
        assertEquals(0.0, (Double) r.get(row17, "distanceToDistrictCentroidKm"), 1e-9);
        assertEquals(2.0, (Double) r.get(row03, "requestDensity"), EPS);
        assertEquals("Not significant", r.get(row03, "densityHotSpot"));
    }

    static int rowOf(String id) {
        for (int i = 0; i < r.rowCount(); i++) if (id.equals(r.get(i, "requestId"))) return i;
        throw new AssertionError(id);
    }
}
