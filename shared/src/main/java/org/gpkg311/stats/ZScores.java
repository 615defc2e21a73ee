package org.gpkg311.stats;

/**
 * The space the k-means categories are formed in: column-wise z-scores with the population SD, and
 * Euclidean distances between rows of it. A column constant over the rows gets z = 0, so that it
 * neither divides by zero nor separates anything.
 */
public final class ZScores {

    private ZScores() {}

    /** Every column of {@code rows} (at least one row, all the same length) as (x − mean) / population SD. */
    public static double[][] of(double[][] rows) {
        int m = rows.length, p = rows[0].length;
        double[][] z = new double[m][p];
        for (int f = 0; f < p; f++) {
            double mean = 0;
            for (double[] r : rows) mean += r[f];
            mean /= m;
            double ss = 0;
            for (double[] r : rows) ss += (r[f] - mean) * (r[f] - mean);
            double sd = Math.sqrt(ss / m);
            for (int a = 0; a < m; a++) z[a][f] = sd == 0 ? 0.0 : (rows[a][f] - mean) / sd;
        }
        return z;
    }

    /** Euclidean distance between two rows of the same space. */
    public static double distance(double[] a, double[] b) {
        double s = 0;
        for (int f = 0; f < a.length; f++) s += (a[f] - b[f]) * (a[f] - b[f]);
        return Math.sqrt(s);
    }
}
