package org.gpkg311.series;

import java.util.Arrays;
import java.util.StringJoiner;

import org.gpkg311.provenance.Provenance;
import org.gpkg311.snapshot.Window;

/** Provenance facts of the time series that several time generators state the same way. */
public final class SeriesProvenance {

    private SeriesProvenance() {}

    public static void calendar(Provenance p, WindowCalendar cal) {
        Window w = cal.window();
        p.add("timeZone", w.zone().getId(), "Local time zone of hour-of-day, day-of-week and every local date.");
        p.add("windowDays", cal.dayCount(), "Local days in the window (" + w.startDate() + " .. " + w.endDate() + "); daily series are zero-filled over all of them.");
    }

    public static void weekdays(Provenance p, WindowCalendar cal) {
        StringJoiner j = new StringJoiner(", ");
        for (int d = 0; d < 7; d++) j.add(Weekdays.NAMES[d] + " " + cal.weekdaysInWindow()[d]);
        p.add("weekdaysInWindow", j.toString(), "Number of each weekday in the window (denominators of the per-day averages).");
    }

    public static void fullWeeks(Provenance p, WindowCalendar cal) {
        Window w = cal.window();
        String range = cal.fullWeekCount() == 0 ? "none"
                : w.firstFullWeekStart() + " .. " + w.firstFullWeekStart().plusDays(7L * cal.fullWeekCount() - 1);
        p.add("fullWeeks", cal.fullWeekCount(), "Full Monday–Sunday weeks inside the window (" + range + "); weekly series use only these.");
    }

    public static void months(Provenance p, WindowCalendar cal) {
        Window w = cal.window();
        p.add("windowMonths", "month1 [" + w.startDate() + ", " + w.endDate().minusMonths(2) + "] " + cal.daysInMonth()[0]
                        + " days; month2 (" + w.endDate().minusMonths(2) + ", " + w.endDate().minusMonths(1) + "] " + cal.daysInMonth()[1]
                        + " days; month3 (" + w.endDate().minusMonths(1) + ", " + w.endDate() + "] " + cal.daysInMonth()[2] + " days",
                "The three window months by local date; monthly values are count / days of the month.");
    }

    public static void dayparts(Provenance p) {
        p.add("dayparts", Daypart.describeAll(), "Convention: dayparts in local hours, half-open intervals.");
    }

    public static void businessHours(Provenance p) {
        p.add("businessHours", HourOfWeek.BUSINESS_HOURS_RULE, "Convention: business hours (45 of the 168 hour-of-week slots; off-hours 123).");
    }

    public static void quartileCuts(Provenance p, String key, String of, double[] cuts) {
        p.add(key, cuts == null ? null : Arrays.toString(cuts),
                "Type-7 quartiles Q1, Q2, Q3 of " + of + " over the districts where it is defined (class: x ≤ Q1 → 1, ≤ Q2 → 2, ≤ Q3 → 3, else 4).");
    }
}
