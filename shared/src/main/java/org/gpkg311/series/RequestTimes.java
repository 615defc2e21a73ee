package org.gpkg311.series;

/**
 * Local-time facts of every snapshot request (same order as {@code snapshot.requests()}), computed
 * once in the city's zone so that request-level fields and district series agree by construction.
 *
 * @param dayIndex  0-based window day of openedAt's local date
 * @param hourOfDay local hour 0..23 of openedAt
 * @param dayOfWeek 0 = Monday .. 6 = Sunday, of openedAt's local date
 * @param weekIndex full-week index 1.. of openedAt's local date, or 0 when it lies in no full week
 * @param month     window month 1..3 of openedAt's local date
 * @param closeDayIndex window day of closedAt's local date for requests closed by asOf, or -1
 */
public record RequestTimes(int[] dayIndex, int[] hourOfDay, int[] dayOfWeek, int[] weekIndex, int[] month,
                           int[] closeDayIndex) {

    public int size() {
        return dayIndex.length;
    }

    /** weekIndex as written to a layer: null outside the full weeks. */
    public Integer weekIndexOrNull(int request) {
        return weekIndex[request] == 0 ? null : weekIndex[request];
    }

    public boolean isWeekend(int request) {
        return Weekdays.isWeekend(dayOfWeek[request]);
    }

    public String dayName(int request) {
        return Weekdays.NAMES[dayOfWeek[request]];
    }
}
