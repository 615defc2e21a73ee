package org.gpkg311.snapshot;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * The analysis window: whole local days from {@code startDate} 00:00 to {@code asOf}, three calendar
 * months ending at asOf's local date (spec, "Exact rules: Window and periods").
 */
public record Window(ZoneId zone, LocalDate startDate, LocalDate endDate, Instant asOf) {

    public static Window endingAt(Instant asOf, ZoneId zone) {
        LocalDate end = asOf.atZone(zone).toLocalDate();
        return new Window(zone, end.minusMonths(3).plusDays(1), end, asOf);
    }

    /** First instant of the window: startDate 00:00 local. */
    public Instant start() {
        return startDate.atStartOfDay(zone).toInstant();
    }

    public boolean contains(Instant t) {
        return !t.isBefore(start()) && !t.isAfter(asOf);
    }

    /** Number of local days D_start .. D_end (92 for asOf on 2025-11-24). */
    public int dayCount() {
        return (int) ChronoUnit.DAYS.between(startDate, endDate) + 1;
    }

    public LocalDate localDate(Instant t) {
        return t.atZone(zone).toLocalDate();
    }

    public ZonedDateTime local(Instant t) {
        return t.atZone(zone);
    }

    /** 0-based index of t's local day in the window (may be outside 0..dayCount-1 for instants outside). */
    public int dayIndex(Instant t) {
        return (int) ChronoUnit.DAYS.between(startDate, localDate(t));
    }

    public LocalDate day(int index) {
        return startDate.plusDays(index);
    }

    /** Window month 1..3 of a local date (month3 = (D_end − 1 month, D_end]), or 0 outside the window. */
    public int monthOf(LocalDate d) {
        if (d.isBefore(startDate) || d.isAfter(endDate)) return 0;
        if (d.isAfter(endDate.minusMonths(1))) return 3;
        if (d.isAfter(endDate.minusMonths(2))) return 2;
        return 1;
    }

    /** Number of local days in window month 1..3. */
    public int daysInMonth(int month) {
        return switch (month) {
            case 3 -> (int) ChronoUnit.DAYS.between(endDate.minusMonths(1), endDate);
            case 2 -> (int) ChronoUnit.DAYS.between(endDate.minusMonths(2), endDate.minusMonths(1));
            case 1 -> (int) ChronoUnit.DAYS.between(startDate, endDate.minusMonths(2)) + 1;
            default -> throw new IllegalArgumentException("window month is 1..3, got " + month);
        };
    }

    /** First Monday whose whole week lies in the window. */
    public LocalDate firstFullWeekStart() {
        LocalDate d = startDate;
        while (d.getDayOfWeek() != DayOfWeek.MONDAY) d = d.plusDays(1);
        return d;
    }

    /** Number of full Monday–Sunday weeks inside the window. */
    public int fullWeekCount() {
        long days = ChronoUnit.DAYS.between(firstFullWeekStart(), endDate) + 1;
        return (int) Math.max(0, days / 7);
    }

    /** weekIndex 1, 2, … of a local date inside a full week, or 0 when it lies in no full week. */
    public int weekIndex(LocalDate d) {
        LocalDate first = firstFullWeekStart();
        if (d.isBefore(first)) return 0;
        int w = (int) (ChronoUnit.DAYS.between(first, d) / 7) + 1;
        return w <= fullWeekCount() ? w : 0;
    }
}
