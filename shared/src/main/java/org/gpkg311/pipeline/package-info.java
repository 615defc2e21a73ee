/**
 * One run: read, clean, window, join, snapshot; then generate, write, verify and publish each GeoPackage.
 *
 * <p>May use every library package below it (read, clean, snapshot, generator, gpkg, preview, summary, storage,
 * profile, provenance). Used only by cli and functions. Dependencies point one way
 * (docs/architecture.md#dependency-direction).
 */
package org.gpkg311.pipeline;
