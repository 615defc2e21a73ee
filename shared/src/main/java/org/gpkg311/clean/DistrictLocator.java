package org.gpkg311.clean;

/** Point-in-district lookup: the id of the district containing (lon, lat), or -1 outside every district. */
@FunctionalInterface
public interface DistrictLocator {
    int locate(double lon, double lat);
}
