package org.gpkg311.generator.common;

/**
 * Quantities that appear in several files: one name, one alias and one description each (docs/columns.md),
 * so that a join or a side-by-side view never meets two spellings of the same number.
 */
public final class SharedColumns {

    public static final String REQUEST_DENSITY = "requestDensity";
    public static final String REQUEST_DENSITY_ALIAS = "Request Density (per km²)";
    public static final String REQUEST_DENSITY_DESCRIPTION =
            "Requests of the window divided by the district's geodesic area in square kilometres.";
    public static final String REQUEST_DENSITY_OF_DISTRICT_ALIAS = "District Request Density (per km²)";

    private SharedColumns() {}
}
