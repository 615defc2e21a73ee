package org.gpkg311.stats.spatial;

/**
 * Sparse spatial weights: for each item its neighbours and their weights. Built from neighbour lists (such as
 * queen contiguity) that must not list the item itself.
 */
public final class SpatialWeights {

    private final int[][] neighbours;
    private final double[][] weights;

    private SpatialWeights(int[][] neighbours, double[][] weights) {
        this.neighbours = neighbours;
        this.weights = weights;
    }

    /** w_ij = 1 for each neighbour. */
    public static SpatialWeights binary(int[][] neighbours) {
        check(neighbours);
        double[][] w = new double[neighbours.length][];
        for (int i = 0; i < neighbours.length; i++) w[i] = filled(neighbours[i].length, 1.0);
        return new SpatialWeights(copy(neighbours), w);
    }

    /** w_ij = 1 / (number of neighbours of i); an item without neighbours keeps an empty row. */
    public static SpatialWeights rowStandardised(int[][] neighbours) {
        check(neighbours);
        double[][] w = new double[neighbours.length][];
        for (int i = 0; i < neighbours.length; i++) w[i] = filled(neighbours[i].length, 1.0 / neighbours[i].length);
        return new SpatialWeights(copy(neighbours), w);
    }

    public int size() {
        return neighbours.length;
    }

    public int[] neighbours(int i) {
        return neighbours[i];
    }

    public double[] weights(int i) {
        return weights[i];
    }

    /** Σ_j w_ij. */
    public double rowSum(int i) {
        double s = 0;
        for (double w : weights[i]) s += w;
        return s;
    }

    /** Spatial lag Σ_j w_ij z_j for every i. */
    public double[] lag(double[] z) {
        double[] out = new double[neighbours.length];
        for (int i = 0; i < neighbours.length; i++) {
            for (int r = 0; r < neighbours[i].length; r++) out[i] += weights[i][r] * z[neighbours[i][r]];
        }
        return out;
    }

    /** S0 = Σ_i Σ_j w_ij. */
    public double s0() {
        double s = 0;
        for (int i = 0; i < neighbours.length; i++) s += rowSum(i);
        return s;
    }

    /**
     * S1 = ½ Σ_i Σ_j (w_ij + w_ji)². The ordered pairs with a non-zero term are the listed pairs (i, j) and their
     * reverses (j, i); a reverse that is not itself listed has w_ji = 0 in its own term and adds ½ w_ij².
     */
    public double s1() {
        double s = 0;
        for (int i = 0; i < neighbours.length; i++) {
            for (int r = 0; r < neighbours[i].length; r++) {
                double back = weightOf(neighbours[i][r], i);
                double sum = weights[i][r] + (Double.isNaN(back) ? 0.0 : back);
                s += 0.5 * sum * sum;
                if (Double.isNaN(back)) s += 0.5 * weights[i][r] * weights[i][r];
            }
        }
        return s;
    }

    /** w_ij, or NaN when i does not list j (neighbour lists are short: a linear scan beats hashing). */
    private double weightOf(int i, int j) {
        int[] nb = neighbours[i];
        for (int r = 0; r < nb.length; r++) if (nb[r] == j) return weights[i][r];
        return Double.NaN;
    }

    /** S2 = Σ_i (w_i. + w_.i)². */
    public double s2() {
        double[] row = new double[neighbours.length];
        double[] col = new double[neighbours.length];
        for (int i = 0; i < neighbours.length; i++) {
            for (int r = 0; r < neighbours[i].length; r++) {
                row[i] += weights[i][r];
                col[neighbours[i][r]] += weights[i][r];
            }
        }
        double s = 0;
        for (int i = 0; i < neighbours.length; i++) s += (row[i] + col[i]) * (row[i] + col[i]);
        return s;
    }

    private static double[] filled(int n, double v) {
        double[] out = new double[n];
        java.util.Arrays.fill(out, v);
        return out;
    }

    private static int[][] copy(int[][] nb) {
        int[][] out = new int[nb.length][];
        for (int i = 0; i < nb.length; i++) out[i] = nb[i].clone();
        return out;
    }

    /** Every index in range, no item listing itself, no neighbour listed twice. */
    static void check(int[][] nb) {
        for (int i = 0; i < nb.length; i++) {
            java.util.Set<Integer> seen = new java.util.HashSet<>();
            for (int j : nb[i]) {
                if (j < 0 || j >= nb.length) throw new IllegalArgumentException("item " + i + ": neighbour " + j + " out of range");
                if (j == i) throw new IllegalArgumentException("item " + i + " lists itself as a neighbour");
                if (!seen.add(j)) throw new IllegalArgumentException("item " + i + " lists neighbour " + j + " twice");
            }
        }
    }
}
