/**
 * The seeded sample city: real 2022 districts and synthetic raw exports with deliberately broken rows.
 *
 * <p>May use: geo, model. Deterministic for a seed; writes only where told. Dependencies point one way
 * (docs/architecture.md#dependency-direction).
 */
package org.gpkg311.sample;
