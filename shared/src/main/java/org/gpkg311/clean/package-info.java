/**
 * Row cleaning: one raw row becomes a parsed request or a counted rejection reason; timestamps, the district join
 * rules and data-quality notes.
 *
 * <p>May use: profile, read. Pure: no files, network, clock or AWS. Dependencies point one way
 * (docs/architecture.md#dependency-direction).
 */
package org.gpkg311.clean;
