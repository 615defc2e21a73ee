package org.gpkg311.generator.trend;

import java.time.LocalDate;

import org.gpkg311.series.WindowCalendar;
import org.gpkg311.stats.Ols;

/**
 * The spec's next-month projection from a weekly fit ("Exact rules: Trend"): the fit evaluated at
 * each of the 30 days after D_end (week w centred on its Thursday), summed and divided by 7, with the
 * 95% prediction interval of a sum of k = 30/7 future weeks ({@link Ols#predictionIntervalOfScaledSum});
 * all three clamped at 0.
 */
public record NextMonthProjection(double projected, double low, double high, double meanFuturePosition) {

    public static final int DAYS_AHEAD = 30;
    /** Each future day is 1/7 of a week on the weekly axis. */
    public static final double DAY_SCALE = 1.0 / 7.0;

    /** Positions on the weekly axis of the 30 days after the window's last day. */
    public static double[] futurePositions(WindowCalendar cal) {
        LocalDate end = cal.window().endDate();
        double[] x = new double[DAYS_AHEAD];
        for (int d = 0; d < DAYS_AHEAD; d++) x[d] = cal.weekPosition(end.plusDays(d + 1));
        return x;
    }

    public static NextMonthProjection of(Ols fit, double[] futureDayPositions) {
        double[] sumLowHigh = fit.predictionIntervalOfScaledSum(futureDayPositions, DAY_SCALE);
        double meanX = 0;
        for (double x : futureDayPositions) meanX += x;
        meanX /= futureDayPositions.length;
        return new NextMonthProjection(Math.max(0, sumLowHigh[0]), Math.max(0, sumLowHigh[1]), Math.max(0, sumLowHigh[2]), meanX);
    }
}
