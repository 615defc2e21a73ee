/**
 * Statistics on plain arrays: quantiles, ranks, CV, MAD, OLS, z-scores, k-means, silhouette, score classes,
 * variance-weighted composites, the binomial test. Formulas: docs/methods.md.
 *
 * <p>Uses nothing of the project (commons-math3 only). Pure. Dependencies point one way
 * (docs/architecture.md#dependency-direction).
 */
package org.gpkg311.stats;
