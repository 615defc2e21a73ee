package org.gpkg311.table;

/** GeoPackage column types used by the project (GeoPackage 1.2, Table 1 of the standard). */
public enum ColumnType {
    /** Counts, ids, ranks, classes. Java values: Integer or Long. */
    INTEGER,
    /** Measures in full double precision. Java value: Double (finite; NULL instead of NaN). */
    REAL,
    /** Labels. Java value: String. */
    TEXT,
    /** Instants, written as ISO-8601 UTC with milliseconds ("2025-11-24T13:05:00.000Z"). Java value: Instant. */
    DATETIME,
    /** Flags, stored as 0/1. Java value: Boolean. */
    BOOLEAN
}
