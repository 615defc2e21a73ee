/**
 * The gpkg311 command line (picocli): generate, sample, list, columns; progress on stderr, paths on stdout,
 * one-line errors and exit codes.
 *
 * <p>May use: pipeline and the library packages it configures (generator, profile, sample, snapshot, storage,
 * docs). Thin: parses its arguments and calls the pipeline; only Main ends the process. Dependencies point one
 * way (docs/architecture.md#dependency-direction).
 */
package org.gpkg311.cli;
