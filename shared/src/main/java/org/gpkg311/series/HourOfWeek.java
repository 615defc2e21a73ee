package org.gpkg311.series;

/**
 * The 168 hour-of-week slots (slot = dayOfWeek × 24 + hour, Monday = 0) and the spec's business
 * hours: Monday–Friday [08, 17) local time, 45 slots; off-hours are the other 123 (weekends included).
 */
public final class HourOfWeek {

    public static final int SLOTS = 168;
    public static final int BUSINESS_FROM_HOUR = 8;
    public static final int BUSINESS_TO_HOUR = 17;
    public static final int BUSINESS_SLOTS = 45;
    public static final int OFF_HOURS_SLOTS = SLOTS - BUSINESS_SLOTS;
    public static final String BUSINESS_HOURS_RULE = "Monday–Friday [08:00, 17:00) local time; off-hours = every other hour, weekends included";

    private HourOfWeek() {}

    /** Slot 0..167 of a day of week (0 = Monday .. 6 = Sunday) and local hour 0..23. */
    public static int slot(int dayOfWeek, int hour) {
        return dayOfWeek * 24 + hour;
    }

    public static boolean isBusiness(int dayOfWeek, int hour) {
        return dayOfWeek < 5 && hour >= BUSINESS_FROM_HOUR && hour < BUSINESS_TO_HOUR;
    }

    public static boolean isBusinessSlot(int slot) {
        return isBusiness(slot / 24, slot % 24);
    }
}
