package org.gpkg311.snapshot;

/** Sorts row indexes by a comparator on rows, without boxing them (a stable merge sort). */
final class IndexSort {

    /** Compares rows a and b. */
    @FunctionalInterface
    interface RowOrder {
        int compare(int a, int b);
    }

    private IndexSort() {}

    static void sort(int[] rows, RowOrder order) {
        int[] buffer = new int[rows.length];
        int[] from = rows, to = buffer;
        for (int width = 1; width < rows.length; width *= 2) {
            for (int lo = 0; lo < rows.length; lo += 2 * width) {
                int mid = Math.min(lo + width, rows.length), hi = Math.min(lo + 2 * width, rows.length);
                int i = lo, j = mid, k = lo;
                while (i < mid && j < hi) to[k++] = order.compare(from[j], from[i]) < 0 ? from[j++] : from[i++];
                while (i < mid) to[k++] = from[i++];
                while (j < hi) to[k++] = from[j++];
            }
            int[] t = from;
            from = to;
            to = t;
        }
        if (from != rows) System.arraycopy(from, 0, rows, 0, rows.length);
    }
}
