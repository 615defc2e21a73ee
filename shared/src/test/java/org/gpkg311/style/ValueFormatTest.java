package org.gpkg311.style;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Legend labels: expected texts worked out by hand from the format rules (two decimals below 10, …). */
class ValueFormatTest {

    /** A legend's labels as Classification makes them: one precision for all, from the bounds. */
    static String[] labels(double[] lower, double[] upper) {
        int extra = ValueFormat.legendDigits(lower, upper);
        String[] out = new String[lower.length];
        for (int k = 0; k < out.length; k++) out[k] = ValueFormat.range(lower[k], upper[k], extra);
        return out;
    }

    @Test
    void boundsThatReadApartKeepTheUsualDigits() {
        assertArrayEquals(new String[] {"0.84 – 27.5", "28.5 – 32.8"},
                labels(new double[] {0.84, 28.5}, new double[] {27.5, 32.8}));
        assertArrayEquals(new String[] {"-27.3 – -5.04", "-0.84 – 0.84"},
                labels(new double[] {-27.3, -0.84}, new double[] {-5.04, 0.84}));
    }

    @Test
    void neighboursThatRoundAlikeGiveTheWholeLegendOneMoreDigit() {
        // 0.3904 and 0.3912 both read 0.39 (and 0.3961, 0.3987 both 0.40): with three decimals every bound reads
        // apart, including the ones that did already (0.35 → 0.350).
        assertArrayEquals(new String[] {"0.350 – 0.390", "0.391 – 0.396", "0.399 – 0.410"},
                labels(new double[] {0.35, 0.3912, 0.3987}, new double[] {0.3904, 0.3961, 0.4102}));
    }

    @Test
    void twoTextsOfTheSameNumberCountAsAlike() {
        // 9.996 reads "10.00" (two decimals below 10) and 10.04 reads "10.0": the same number, so one more digit.
        assertArrayEquals(new String[] {"9.996 – 10.04"}, labels(new double[] {9.996}, new double[] {10.04}));
    }

    @Test
    void aOneValueClassShowsOneNumber() {
        assertArrayEquals(new String[] {"1.00", "2.00 – 3.00"}, labels(new double[] {1, 2}, new double[] {1, 3}));
    }

    @Test
    void boundsTooCloseForAnyPrecisionStopAtTheLimit() {
        String[] labels = labels(new double[] {1.0, 1.0 + 1e-12}, new double[] {1.0, 2.0});
        assertArrayEquals(new String[] {"1.00000000", "1.00000000 – 2.00000000"}, labels);
        assertEquals(6, ValueFormat.MAX_EXTRA_DIGITS);
    }
}
