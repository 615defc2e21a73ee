/**
 * The window, the snapshot every generator of a run reads, its builder and its versioned binary codec.
 *
 * <p>May use: read, clean, geo, model, profile. Dependencies point one way
 * (docs/architecture.md#dependency-direction).
 */
package org.gpkg311.snapshot;
