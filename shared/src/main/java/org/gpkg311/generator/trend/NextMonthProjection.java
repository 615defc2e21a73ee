package org.gpkg311.generator.trend;

import java.time.LocalDate;

import org.apache.commons.math3.distribution.TDistribution;
import org.gpkg311.series.WindowCalendar;
import org.gpkg311.stats.Ols;

/**
 * The spec's next-month projection from a weekly fit ("Exact rules: Trend"): the fit evaluated at
 * each of the 30 days after D_end (week w centred on its Thursday), summed and divided by 7; its 95%
 * prediction interval treats the month as k = 30/7 future weeks:
 * ŷ ± t(0.975, n−2) · s · √(k + k²(1/n + (x̄f − x̄)²/Sxx)). All three are clamped at 0.
 */
public record NextMonthProjection(double projected, double low, double high, double meanFuturePosition) {

    public static final int DAYS_AHEAD = 30;
    public static final double CONFIDENCE = 0.95;

    /** Positions on the weekly axis of the 30 days after the window's last day. */
    public static double[] futurePositions(WindowCalendar cal) {
        LocalDate end = cal.window().endDate();
        double[] x = new double[DAYS_AHEAD];
        for (int d = 0; d < DAYS_AHEAD; d++) x[d] = cal.weekPosition(end.plusDays(d + 1));
        return x;
    }

    public static NextMonthProjection of(Ols fit, double[] futureDayPositions) {
        double sum = 0, meanX = 0;
        for (double x : futureDayPositions) {
            sum += fit.predict(x);
            meanX += x;
        }
        meanX /= futureDayPositions.length;
        double yHat = sum / 7.0;
        double k = futureDayPositions.length / 7.0;
        int n = fit.n();
        double t = new TDistribution(n - 2).inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
        double dx = meanX - fit.meanX();
        double half = t * fit.residualStdDev() * Math.sqrt(k + k * k * (1.0 / n + dx * dx / fit.sxx()));
        return new NextMonthProjection(Math.max(0, yHat), Math.max(0, yHat - half), Math.max(0, yHat + half), meanX);
    }
}
