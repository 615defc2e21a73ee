package org.gpkg311.stats.spatial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class MoranITest {

    /*
     * Chain 0–1–2–3, x = 1 2 3 4, row-standardised: w01 = 1, w10 = w12 = ½, w21 = w23 = ½, w32 = 1.
     * z = −1.5 −.5 .5 1.5, Σz² = 5; lag = −.5, −.5, .5, .5; Σ z·lag = .75 + .25 + .25 + .75 = 2; S0 = 4
     * I = (4/4)·2/5 = 0.4, E[I] = −1/3.
     * S1 = ½Σ(w_ij + w_ji)² = ½·(2·1.5² + 2·1² + 2·1.5²) = 5.5;
     * S2 = Σ(row_i + col_i)², col = .5 1.5 1.5 .5 → 1.5² + 2.5² + 2.5² + 1.5² = 17.
     * VI_norm = (16·5.5 − 4·17 + 3·16)/(15·16) − 1/9 = 68/240 − 1/9 = 31/180.
     * kurtosis = (Σz⁴/4)/(Σz²/4)² = 2.5625/1.5625 = 1.64;
     * A = 4·((16 − 12 + 3)·5.5 − 4·17 + 3·16) = 74; B = 1.64·(12·5.5 − 8·17 + 6·16) = 42.64;
     * VI_rand = (74 − 42.64)/(3·2·1·16) − 1/9 = 49/150 − 1/9 = 97/450.
     * z = (0.4 + 1/3)/√VI: zNorm = 1.7670825235854977, zRand = 1.579507948959024;
     * two-sided p = erfc(z/√2) (python math.erfc): 0.07721440887430375, 0.11421959469736204.
     */
    @Test
    void handWorkedChain() {
        int[][] chain = {{1}, {0, 2}, {1, 3}, {2}};
        MoranI.Global m = MoranI.global(new double[] {1, 2, 3, 4}, chain, 0, 1L);
        assertEquals(0.4, m.I(), 1e-12);
        assertEquals(-1.0 / 3, m.EI(), 1e-12);
        assertEquals(31.0 / 180, m.varNorm(), 1e-12);
        assertEquals(97.0 / 450, m.varRand(), 1e-12);
        assertEquals(1.7670825235854977, m.zNorm(), 1e-12);
        assertEquals(1.579507948959024, m.zRand(), 1e-12);
        assertEquals(0.07721440887430375, m.pNorm(), 1e-12);
        assertEquals(0.11421959469736204, m.pRand(), 1e-12);
        assertNull(m.pSim());
        SpatialWeights w = SpatialWeights.rowStandardised(chain);
        assertEquals(4.0, w.s0(), 1e-12);
        assertEquals(5.5, w.s1(), 1e-12);
        assertEquals(17.0, w.s2(), 1e-12);
    }

    /** esda test_moran.py test_variance: y = 1..9 on libpysal's lat2W(3, 3) (rook), binary weights. */
    @Test
    void esdaLatticeVariancesWithBinaryWeights() {
        int[][] rook3x3 = new int[9][];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                List<Integer> nb = new ArrayList<>();
                if (r > 0) nb.add((r - 1) * 3 + c);
                if (c > 0) nb.add(r * 3 + c - 1);
                if (c < 2) nb.add(r * 3 + c + 1);
                if (r < 2) nb.add((r + 1) * 3 + c);
                rook3x3[r * 3 + c] = nb.stream().mapToInt(Integer::intValue).toArray();
            }
        }
        MoranI.Global m = MoranI.global(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, SpatialWeights.binary(rook3x3), 0, 1L);
        assertEquals(0.059687500000000004, m.varRand(), 1e-12);
        assertEquals(0.053125000000000006, m.varNorm(), 1e-12);
    }

    /**
     * esda's St Louis example (esda/moran.py docstring and tests/test_moran.py): HR8893 of stl_hom.txt with the
     * queen weights of stl.gal, row-standardised: I = 0.24365582621771659, EI = −0.012987012987012988,
     * two-sided p_norm = 0.00027147862770937614 (the tests' one-tailed 0.00013573931385468807 × 2).
     */
    @Test
    void esdaStLouisHomicides() throws IOException {
        double[] y = stlHomicideRates();
        int[][] nb = readGal("/stats/stl.gal");
        assertEquals(78, y.length);
        MoranI.Global m = MoranI.global(y, nb, 999, 12345L);
        assertEquals(0.24365582621771659, m.I(), 1e-12);
        assertEquals(-0.012987012987012988, m.EI(), 1e-15);
        assertEquals(0.00027147862770937614, m.pNorm(), 1e-12);
        // z about 3.6: hardly any of 999 permutations reaches I
        assertNotNull(m.pSim());
        assertTrue(m.pSim() < 0.01, "pSim " + m.pSim());
        assertTrue(m.pSim() >= 1.0 / 1000);
    }

    @Test
    void permutationPIsReproducibleAndFolded() {
        int[][] chain = {{1}, {0, 2}, {1, 3}, {2, 4}, {3, 5}, {4}};
        double[] x = {1, 5, 2, 6, 3, 4};
        MoranI.Global a = MoranI.global(x, chain, 199, 7L);
        MoranI.Global b = MoranI.global(x, chain, 199, 7L);
        assertEquals(a.pSim(), b.pSim());
        assertTrue(a.pSim() >= 1.0 / 200 && a.pSim() <= 0.5 + 1.0 / 200, "folded: at most about one half");
    }

    @Test
    void foldingAsEsda() {
        // 999 permutations: 30 ≥ I → (30 + 1)/1000; 990 ≥ I → the other tail, (9 + 1)/1000
        assertEquals(0.031, MoranI.folded(30, 999), 1e-15);
        assertEquals(0.010, MoranI.folded(990, 999), 1e-15);
        assertEquals(0.5, MoranI.folded(499, 999), 1e-15);
    }

    @Test
    void undefinedCases() {
        assertNull(MoranI.global(new double[] {2, 2, 2}, new int[][] {{1}, {0, 2}, {1}}, 0, 1L));
        assertNull(MoranI.global(new double[] {1, 2, 3}, new int[][] {{}, {}, {}}, 0, 1L));
        assertNull(MoranI.global(new double[] {1, 2}, new int[][] {{1}, {0}}, 0, 1L));
        // n = 3: the randomisation variance needs n ≥ 4
        MoranI.Global m = MoranI.global(new double[] {1, 2, 4}, new int[][] {{1}, {0, 2}, {1}}, 0, 1L);
        assertNull(m.varRand());
        assertNotNull(m.zNorm());
    }

    static double[] stlHomicideRates() throws IOException {
        // GeoDa text export: "78,4", header "FIPSNO","HR8488","HR8893","HC8488", then one row per county
        List<String> lines = lines("/stats/stl_hom.txt");
        return lines.subList(2, lines.size()).stream().filter(l -> !l.isBlank())
                .mapToDouble(l -> Double.parseDouble(l.split(",")[2].trim())).toArray();
    }

    /** GAL: first line n; then per item "id count" and a line of neighbour ids (ids 1..n here, in file order). */
    static int[][] readGal(String resource) throws IOException {
        List<String> lines = lines(resource);
        int n = Integer.parseInt(lines.get(0).trim().split("\\s+")[0]);
        int[][] nb = new int[n][];
        int line = 1;
        for (int k = 0; k < n; k++) {
            String[] head = lines.get(line++).trim().split("\\s+");
            int id = Integer.parseInt(head[0]);
            int count = Integer.parseInt(head[1]);
            String body = count == 0 ? "" : lines.get(line++).trim();
            nb[id - 1] = count == 0 ? new int[0]
                    : Arrays.stream(body.split("\\s+")).mapToInt(s -> Integer.parseInt(s) - 1).toArray();
        }
        return nb;
    }

    private static List<String> lines(String resource) throws IOException {
        try (InputStream in = MoranITest.class.getResourceAsStream(resource)) {
            if (in == null) throw new IOException("missing test resource " + resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}
