/**
 * Layers in memory: declared columns (name, type, alias, description) and checked values.
 *
 * <p>Uses nothing of the project but JTS geometries. Dependencies point one way
 * (docs/architecture.md#dependency-direction).
 */
package org.gpkg311.table;
