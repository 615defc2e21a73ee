/**
 * Per-district series in local time: daily, weekly, monthly, hour-of-week, dayparts, peaks.
 *
 * <p>May use: model, snapshot, stats, provenance. Pure. Dependencies point one way
 * (docs/architecture.md#dependency-direction).
 */
package org.gpkg311.series;
