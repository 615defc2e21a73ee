package org.gpkg311.table;

/** GeoPackage column types used by the project (GeoPackage 1.2, Table 1 of the standard). */
public enum ColumnType {
    /**
     * Counts, ids, ranks, classes, written as MEDIUMINT (32-bit: ArcGIS reads it as Long, not Big Integer).
     * Java values: Integer or Long within the 32-bit range.
     */
    INTEGER,
    /** An integer that can exceed 32 bits, written as INTEGER (64-bit). Java values: Integer or Long. */
    BIG_INTEGER,
    /** Measures in full double precision. Java value: Double (finite; NULL instead of NaN). */
    REAL,
    /** Labels. Java value: String. */
    TEXT,
    /** Instants, written as ISO-8601 UTC with milliseconds ("2025-11-24T13:05:00.000Z"). Java value: Instant. */
    DATETIME,
    /** Local dates, written as ISO-8601 "2025-11-24". Java value: LocalDate. */
    DATE,
    /** Flags, stored as 0/1. Java value: Boolean. */
    BOOLEAN
}
