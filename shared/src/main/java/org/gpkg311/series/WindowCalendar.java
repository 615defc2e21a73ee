package org.gpkg311.series;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.gpkg311.snapshot.Window;

/**
 * The window's calendar, computed once: for every local day its day of week, full-week index and
 * window month, the number of each weekday in the window, and the full weeks and month lengths.
 *
 * @param dayOfWeekOfDay  per window day, 0 = Monday .. 6 = Sunday
 * @param weekOfDay       per window day, weekIndex 1.. of its full Monday–Sunday week, or 0 outside the full weeks
 * @param monthOfDay      per window day, window month 1..3
 * @param weekdaysInWindow number of Mondays .. Sundays among the window's days
 * @param daysInMonth     days of window month 1..3 (index 0..2)
 */
public record WindowCalendar(Window window, int dayCount, int fullWeekCount, int[] dayOfWeekOfDay,
                             int[] weekOfDay, int[] monthOfDay, int[] weekdaysInWindow, int[] daysInMonth) {

    public static WindowCalendar of(Window window) {
        int days = window.dayCount();
        int[] dow = new int[days];
        int[] week = new int[days];
        int[] month = new int[days];
        int[] weekdays = new int[7];
        for (int i = 0; i < days; i++) {
            LocalDate d = window.day(i);
            dow[i] = Weekdays.index(d.getDayOfWeek());
            week[i] = window.weekIndex(d);
            month[i] = window.monthOf(d);
            weekdays[dow[i]]++;
        }
        int[] monthDays = {window.daysInMonth(1), window.daysInMonth(2), window.daysInMonth(3)};
        return new WindowCalendar(window, days, window.fullWeekCount(), dow, week, month, weekdays, monthDays);
    }

    /** Number of Monday–Friday days in the window. */
    public int weekdayDays() {
        int n = 0;
        for (int d = 0; d < 5; d++) n += weekdaysInWindow[d];
        return n;
    }

    /** Number of Saturdays and Sundays in the window. */
    public int weekendDays() {
        return weekdaysInWindow[5] + weekdaysInWindow[6];
    }

    /**
     * Position of a local date on the weekly axis used by the weekly regression: week w (x = w) is
     * centred on its Thursday, so Thursday of week 1 is x = 1 and every day adds 1/7.
     */
    public double weekPosition(LocalDate date) {
        long fromFirstThursday = ChronoUnit.DAYS.between(window.firstFullWeekStart().plusDays(3), date);
        return 1.0 + fromFirstThursday / 7.0;
    }
}
