/**
 * Spatial statistics on a weights matrix: Getis-Ord Gi*, Moran's I (global and local), Benjamini-Hochberg,
 * significance bins. Formulas: docs/methods.md.
 *
 * <p>Uses nothing of the project (commons-math3 only). Pure. Dependencies point one way
 * (docs/architecture.md#dependency-direction).
 */
package org.gpkg311.stats.spatial;
