/**
 * The ingest Lambda (module functions/ingest): on its schedule, the FeatureServer pull into raw/311/, whose write
 * starts a run.
 *
 * <p>May use: ingest, profile, storage. A thin handler: settings from the environment, then the pull. Dependencies
 * point one way (docs/architecture.md#dependency-direction).
 */
package org.gpkg311.functions;
