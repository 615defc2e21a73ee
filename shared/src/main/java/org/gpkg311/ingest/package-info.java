/**
 * The pull from the city's ArcGIS FeatureServer: a server-side date query for the window the next run needs, paged
 * while exceededTransferLimit, count-checked, retried with backoff, written as ONE object under raw/311/ only when
 * every page arrived.
 *
 * <p>May use: profile, storage. Knows HTTP, not the AWS SDK (it writes through Storage). Dependencies point one
 * way (docs/architecture.md#dependency-direction).
 */
package org.gpkg311.ingest;
