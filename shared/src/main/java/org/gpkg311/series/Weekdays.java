package org.gpkg311.series;

import java.time.DayOfWeek;

/** Day-of-week indexes used by the series: 0 = Monday .. 6 = Sunday (ISO order). */
public final class Weekdays {

    public static final String[] NAMES = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    /** camelCase prefixes for column names: mondayCount, mondayShare, … */
    public static final String[] KEYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

    private Weekdays() {}

    public static int index(DayOfWeek d) {
        return d.getValue() - 1;
    }

    public static boolean isWeekend(int dayOfWeek) {
        return dayOfWeek >= 5;
    }
}
