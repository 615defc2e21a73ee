/**
 * What both Lambda handlers share (module functions/common): settings from the environment, JSON log lines, the
 * pipeline steps a handler runs.
 *
 * <p>May use: pipeline, generator, profile, snapshot, storage. Knows no Lambda event type. Dependencies point one
 * way (docs/architecture.md#dependency-direction).
 */
package org.gpkg311.functions;
