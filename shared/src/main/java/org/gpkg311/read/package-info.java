/**
 * Raw exports into raw rows: the portal CSV (Hub and Socrata headers), ArcGIS query pages, GeoJSON, gzip.
 *
 * <p>May use: profile. Reads the streams it is handed; no storage, no AWS. Dependencies point one way
 * (docs/architecture.md#dependency-direction).
 */
package org.gpkg311.read;
