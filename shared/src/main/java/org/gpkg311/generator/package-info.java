/**
 * The Generator API (one GeoPackage per generator), its run settings and output, and the registry of the eleven.
 *
 * <p>May use: generator.*, snapshot, table, provenance. Generators are pure functions of the snapshot and the run
 * settings: no file, network, environment, clock or AWS access. Dependencies point one way
 * (docs/architecture.md#dependency-direction).
 */
package org.gpkg311.generator;
