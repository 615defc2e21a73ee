/**
 * The column tables of docs/columns.md, rendered from the generators' declarations.
 *
 * <p>May use: generator, table, gpkg. Never used by the pipeline. Dependencies point one way
 * (docs/architecture.md#dependency-direction).
 */
package org.gpkg311.docs;
