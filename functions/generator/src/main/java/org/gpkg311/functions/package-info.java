/**
 * The generator Lambda (module functions/generator): one GeoPackage from the run's snapshot, GENERATOR_NAME
 * choosing which.
 *
 * <p>May use: the functions/common classes, pipeline, snapshot, storage. A thin handler: parse the event, call
 * the pipeline. Dependencies point one way (docs/architecture.md#dependency-direction).
 */
package org.gpkg311.functions;
