/**
 * One GeoPackage, capacityPlanning: who is at or near the capacity it has shown, and when it will reach it
 * (docs/methods.md#capacityplanning): its metrics and its layers.
 *
 * <p>May use: generator, generator.common, the metrics of other generator packages (composites reuse them, never
 * copy a formula), series, spatial, stats, geo, model, snapshot, table, provenance. Pure: no file, network,
 * environment, clock or AWS. Dependencies point one way (docs/architecture.md#dependency-direction).
 */
package org.gpkg311.generator.capacity;
