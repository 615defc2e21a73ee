package org.gpkg311.generator.common;

import org.gpkg311.table.Column;

/**
 * Quantities that appear in several files: one name, one alias and one description each (docs/columns.md),
 * so that a join or a side-by-side view never meets two spellings of the same number. OneNamePerQuantityTest
 * checks every layer of the eleven schemas against this rule.
 */
public final class SharedColumns {

    /** serviceEfficiency and geographicPatterns (and predictiveHotspots' density factor). */
    public static final Column REQUEST_DENSITY = Column.real("requestDensity", "Request Density (per km²)",
            "Requests of the window divided by the district's geodesic area in square kilometres.");

    /** trendDirection, and predictiveHotspots which reads it. */
    public static final Column PROJECTED_NEXT_MONTH = Column.real("projectedNextMonth", "Projected Requests, Next 30 Days",
            "Requests expected in the 30 days after the as-of date from the weekly trend fit (never negative).");

    private SharedColumns() {}
}
