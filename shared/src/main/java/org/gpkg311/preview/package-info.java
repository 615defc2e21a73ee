/**
 * The quick-look SVG map beside each GeoPackage.
 *
 * <p>May use: table, geo, stats. Pure: returns text. Dependencies point one way
 * (docs/architecture.md#dependency-direction).
 */
package org.gpkg311.preview;
