/**
 * City profiles: export column names, timestamp formats, time zone, district fields (Nashville is the default).
 *
 * <p>May use: geo. Dependencies point one way (docs/architecture.md#dependency-direction).
 */
package org.gpkg311.profile;
