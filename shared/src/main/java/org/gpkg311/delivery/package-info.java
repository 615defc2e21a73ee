/**
 * The run's index.html: one static, self-contained page beside the outputs, rendered from the run manifest and the
 * staged summaries and previews.
 *
 * <p>May use: style. Pure: returns text. Dependencies point one way (docs/architecture.md#dependency-direction).
 */
package org.gpkg311.delivery;
