/**
 * The one GeoPackage 1.2 writer (sqlite-jdbc, JTS WKB, R-tree, schema and metadata extensions, RunInfo table) and
 * the check of a written file.
 *
 * <p>May use: table, provenance. Writes local files only; knows no storage and no AWS. Dependencies point one way
 * (docs/architecture.md#dependency-direction).
 */
package org.gpkg311.gpkg;
