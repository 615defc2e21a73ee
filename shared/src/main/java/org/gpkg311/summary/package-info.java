/**
 * The JSON summary beside each GeoPackage.
 *
 * <p>May use: gpkg, table, provenance. Dependencies point one way (docs/architecture.md#dependency-direction).
 */
package org.gpkg311.summary;
