package org.gpkg311.stats;

/**
 * overrepresentedTypeCount (docs/methods.md#over-representation): per district, the eligible types whose count is
 * significantly high for the district's size. One-sided binomial test P(X ≥ count | n = requests of the
 * district, p = citywide share of the type), over the family of every (district with a request, eligible
 * type) pair, zero counts included, rejected by Benjamini–Hochberg at α = {@value FalseDiscovery#ALPHA}.
 */
public final class OverRepresentedTypes {

    private OverRepresentedTypes() {}

    /**
     * @param counts    [district][type] request counts
     * @param cityShare citywide share per type
     * @param eligible  per type: at least the citywide median count per type
     * @return per district, the number of types rejected (0 for a district without requests)
     */
    public static int[] count(int[][] counts, double[] cityShare, boolean[] eligible) {
        Double[][] p = new Double[counts.length][];
        for (int d = 0; d < counts.length; d++) {
            int n = 0;
            for (int c : counts[d]) n += c;
            p[d] = new Double[cityShare.length];
            if (n == 0) continue;
            for (int t = 0; t < cityShare.length; t++) {
                if (eligible[t]) p[d][t] = BinomialTest.upperTail(counts[d][t], n, cityShare[t]);
            }
        }
        return FalseDiscovery.rejectedPerRow(p, FalseDiscovery.ALPHA);
    }
}
