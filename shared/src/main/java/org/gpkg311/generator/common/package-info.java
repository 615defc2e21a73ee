/**
 * What every generator's layers share: the base district and request columns, the district context copied onto
 * requests, quartile labels.
 *
 * <p>May use: generator, model, snapshot, stats, table. Pure. Dependencies point one way
 * (docs/architecture.md#dependency-direction).
 */
package org.gpkg311.generator.common;
