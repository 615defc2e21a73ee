package org.gpkg311.model;

import org.locationtech.jts.geom.MultiPolygon;

/**
 * One council district as every generator sees it.
 *
 * @param id             the district number from the polygons (Nashville: {@code DISTRICT}, 1..35)
 * @param name           display name, e.g. "Council District 19"
 * @param representative the council member, or null when the city profile names no such field
 * @param geometry       the boundary in EPSG:4326 (lon/lat), always a MultiPolygon
 * @param areaSqKm       geodesic area on WGS84
 * @param centroidLon    centroid on the LAEA plane, or an interior point when the centroid falls outside
 * @param centroidLat    see centroidLon
 */
public record District(int id, String name, String representative, MultiPolygon geometry,
                       double areaSqKm, double centroidLon, double centroidLat) {

    public static final double SQ_KM_PER_SQ_MI = 2.589988110336;

    public double areaSqMi() {
        return areaSqKm / SQ_KM_PER_SQ_MI;
    }
}
