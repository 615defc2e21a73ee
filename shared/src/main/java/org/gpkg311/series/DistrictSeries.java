package org.gpkg311.series;

import java.util.List;
import java.util.Map;

/**
 * All time series of one district over the window (spec, "Exact rules"): zero-filled daily intake
 * and closures, hour-of-day, day-of-week, the 168 hour-of-week slots, dayparts, full-week and
 * window-month counts, per-day-per-hour counts, and request-type counts overall and per full week.
 * Arrays are owned by this object; callers must not modify them.
 *
 * @param dailyIntake     requests opened on each window day
 * @param dailyClosures   requests closed (closedAt ≤ asOf) on each window day, by closedAt's local date
 * @param hourly          requests per local hour 0..23
 * @param weekday         requests per day of week, 0 = Monday
 * @param hourOfWeek      requests per {@link HourOfWeek} slot
 * @param daypart         requests per {@link Daypart} (ordinal order)
 * @param weekly          requests per full week (index 0 = weekIndex 1)
 * @param monthly         requests per window month (index 0 = month1)
 * @param dayHour         requests per window day and hour: [day × 24 + hour]
 * @param typeCounts      requests per request type (sorted by type)
 * @param weeklyTypeCounts per full week, requests per request type
 */
public record DistrictSeries(WindowCalendar calendar, int requestCount, int[] dailyIntake, int[] dailyClosures,
                             int[] hourly, int[] weekday, int[] hourOfWeek, int[] daypart, int[] weekly,
                             int[] monthly, int[] dayHour, Map<String, Integer> typeCounts,
                             List<Map<String, Integer>> weeklyTypeCounts) {

    public double[] dailyIntakeValues() {
        return asDouble(dailyIntake);
    }

    public double[] dailyClosureValues() {
        return asDouble(dailyClosures);
    }

    public double[] weeklyValues() {
        return asDouble(weekly);
    }

    public double[] hourlyValues() {
        return asDouble(hourly);
    }

    /** Per-day rates of the three window months: count / days of that month. */
    public double[] monthRates() {
        double[] r = new double[3];
        for (int m = 0; m < 3; m++) r[m] = (double) monthly[m] / calendar.daysInMonth()[m];
        return r;
    }

    /** Per-day average of each weekday: count / number of that weekday in the window (null when none). */
    public Double[] weekdayAverages() {
        Double[] avg = new Double[7];
        for (int d = 0; d < 7; d++) {
            int days = calendar.weekdaysInWindow()[d];
            avg[d] = days == 0 ? null : (double) weekday[d] / days;
        }
        return avg;
    }

    public int count(Daypart p) {
        return daypart[p.ordinal()];
    }

    public int businessHoursCount() {
        int n = 0;
        for (int s = 0; s < HourOfWeek.SLOTS; s++) if (HourOfWeek.isBusinessSlot(s)) n += hourOfWeek[s];
        return n;
    }

    public int offHoursCount() {
        return requestCount - businessHoursCount();
    }

    /** Counts of the 45 business hour-of-week slots, in slot order. */
    public double[] businessSlotCounts() {
        return slotCounts(true);
    }

    /** Counts of the 123 off-hours hour-of-week slots, in slot order. */
    public double[] offHoursSlotCounts() {
        return slotCounts(false);
    }

    private double[] slotCounts(boolean business) {
        double[] out = new double[business ? HourOfWeek.BUSINESS_SLOTS : HourOfWeek.OFF_HOURS_SLOTS];
        int i = 0;
        for (int s = 0; s < HourOfWeek.SLOTS; s++) {
            if (HourOfWeek.isBusinessSlot(s) == business) out[i++] = hourOfWeek[s];
        }
        return out;
    }

    public int weekdayCount() {
        return weekday[0] + weekday[1] + weekday[2] + weekday[3] + weekday[4];
    }

    public int weekendCount() {
        return weekday[5] + weekday[6];
    }

    /** The peak hour (most requests; ties: earliest hour), or -1 without requests. */
    public int peakHour() {
        return requestCount == 0 ? -1 : Peaks.earliestMax(hourly);
    }

    /**
     * The peak day (highest per-day average; ties: the earlier day from Monday), 0 = Monday, or -1
     * without requests.
     */
    public int peakDay() {
        if (requestCount == 0) return -1;
        Double[] avg = weekdayAverages();
        int best = -1;
        for (int d = 0; d < 7; d++) {
            if (avg[d] != null && (best < 0 || avg[d] > avg[best])) best = d;
        }
        return best;
    }

    /** The busiest local hour of a window day (ties: earliest hour), or -1 when the day has no request. */
    public int busiestHour(int day) {
        if (dailyIntake[day] == 0) return -1;
        int best = 0;
        for (int h = 1; h < 24; h++) if (dayHour[day * 24 + h] > dayHour[day * 24 + best]) best = h;
        return best;
    }

    /** Number of window days with at least one request. */
    public int activeDays() {
        int n = 0;
        for (int c : dailyIntake) if (c > 0) n++;
        return n;
    }

    static double[] asDouble(int[] counts) {
        double[] out = new double[counts.length];
        for (int i = 0; i < counts.length; i++) out[i] = counts[i];
        return out;
    }
}
