package org.gpkg311.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The open dates a pull asks for: from {@code months} before the as-of date, minus a margin of days, on.
 * Dates are UTC, as the layer's date fields are: the margin covers the city's zone and late edits.
 *
 * @param asOf the instant the next run describes
 * @param from first UTC day asked for (from 00:00:00)
 * @param to   the UTC day of {@code asOf}, for the object's name and the record
 */
public record PullWindow(Instant asOf, LocalDate from, LocalDate to) {

    public static final int DEFAULT_MONTHS = 3;
    public static final int DEFAULT_MARGIN_DAYS = 7;

    public static PullWindow before(Instant asOf, int months, int marginDays) {
        if (months < 1) throw new IllegalArgumentException("--months must be at least 1, not " + months);
        if (marginDays < 0) throw new IllegalArgumentException("the margin must not be negative: " + marginDays);
        LocalDate to = asOf.atZone(ZoneOffset.UTC).toLocalDate();
        return new PullWindow(asOf, to.minusMonths(months).minusDays(marginDays), to);
    }

    /** The server-side filter in standardized SQL, e.g. {@code Date_Time_Opened >= TIMESTAMP '2025-08-18 00:00:00'}. */
    public String where(String openedField) {
        return openedField + " >= TIMESTAMP '" + from + " 00:00:00'";
    }
}
