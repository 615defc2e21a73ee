/**
 * Provenance facts (key, value, description) that every file carries in its metadata, RunInfo table and JSON
 * summary.
 *
 * <p>Uses nothing of the project: every other layer may use it. Dependencies point one way
 * (docs/architecture.md#dependency-direction).
 */
package org.gpkg311.provenance;
