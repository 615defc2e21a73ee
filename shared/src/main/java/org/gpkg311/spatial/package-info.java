/**
 * Point and district geometry statistics: nearest neighbours, dispersion, the hexagon analysis grid, Gini,
 * recurring locations.
 *
 * <p>May use: geo, model, snapshot, stats, stats.spatial, provenance. Pure. Dependencies point one way
 * (docs/architecture.md#dependency-direction).
 */
package org.gpkg311.spatial;
