package org.gpkg311.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class OneDecimalTest {

    private static void same(double v) {
        assertEquals(String.format(Locale.ROOT, "%.1f", v), OneDecimal.of(v), () -> "value " + v);
    }

    @Test
    void handPickedValuesRoundLikeTheFormatter() {
        assertEquals("1.5", OneDecimal.of(1.45));
        assertEquals("0.3", OneDecimal.of(0.25));
        assertEquals("-0.3", OneDecimal.of(-0.25));
        assertEquals("-0.0", OneDecimal.of(-0.04));
        assertEquals("-0.0", OneDecimal.of(-0.0));
        assertEquals("0.0", OneDecimal.of(0.0));
        assertEquals("900.0", OneDecimal.of(899.96));
        assertEquals("12345678901.0", OneDecimal.of(1.2345678901e10));
        for (double v : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e-300, 5e-324, 0.05,
                0.15, 0.35, 2.675, 1e23, Double.MAX_VALUE, -Double.MIN_NORMAL}) {
            same(v);
        }
    }

    @Test
    void agreesWithTheFormatterOnMapCoordinatesAndTies() {
        SplittableRandom random = new SplittableRandom(20261202L);
        for (int i = 0; i < 300_000; i++) {
            same(random.nextDouble(-50, 1000));
            same(random.nextInt(-5000, 20000) / 20.0 + 0.0);
            same(random.nextInt(-50000, 200000) * 0.05);
            same(Double.longBitsToDouble(random.nextLong()));
        }
    }

    @Test
    void agreesWithTheFormatterAFewUlpsEitherSideOfATie() {
        // Where the quick rounding hands over to the exact one: each step is one ulp, 12 either side of k.5 tenths,
        // for small, map-sized and huge magnitudes (tenths up to past the quick path's 1e15 limit).
        SplittableRandom random = new SplittableRandom(20261203L);
        for (int i = 0; i < 20_000; i++) {
            long k = switch (i % 3) {
                case 0 -> random.nextLong(0, 100);
                case 1 -> random.nextLong(0, 10_000);
                default -> random.nextLong(0, 20_000_000_000_000_000L / 10);
            };
            double tie = (k + 0.5) / 10 * (random.nextBoolean() ? 1 : -1);
            double up = tie, down = tie;
            for (int step = 0; step <= 12; step++) {
                same(up);
                same(down);
                up = Math.nextUp(up);
                down = Math.nextDown(down);
            }
        }
    }
}
