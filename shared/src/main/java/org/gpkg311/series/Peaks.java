package org.gpkg311.series;

/** Arg-max with the spec's tie rule: the earliest index (earliest hour, earlier day from Monday). */
public final class Peaks {

    private Peaks() {}

    /** Index of the highest value; ties go to the lowest index; -1 for an empty array. */
    public static int earliestMax(double[] values) {
        int best = -1;
        for (int i = 0; i < values.length; i++) {
            if (best < 0 || values[i] > values[best]) best = i;
        }
        return best;
    }

    public static int earliestMax(int[] values) {
        int best = -1;
        for (int i = 0; i < values.length; i++) {
            if (best < 0 || values[i] > values[best]) best = i;
        }
        return best;
    }
}
