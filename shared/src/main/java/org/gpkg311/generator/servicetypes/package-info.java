/**
 * One GeoPackage, serviceTypeInsights: service mix, recurring issues, complexity
 * (docs/methods.md#servicetypeinsights): its metrics and its layers.
 *
 * <p>May use: generator, generator.common, the metrics of other generator packages (composites reuse them, never
 * copy a formula), series, spatial, stats, geo, model, snapshot, table, provenance. Pure: no file, network,
 * environment, clock or AWS. Dependencies point one way (docs/architecture.md#dependency-direction).
 */
package org.gpkg311.generator.servicetypes;
