/**
 * District polygons (GeoJSON), geodesy on WGS84 (GeographicLib), the LAEA plane, the point-in-district index and
 * queen contiguity.
 *
 * <p>May use: model. Reads only what it is handed; no storage, no AWS. Dependencies point one way
 * (docs/architecture.md#dependency-direction).
 */
package org.gpkg311.geo;
