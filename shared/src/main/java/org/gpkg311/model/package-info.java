/**
 * The domain records: a council district and a cleaned service request.
 *
 * <p>Uses nothing of the project but JTS geometries. Dependencies point one way
 * (docs/architecture.md#dependency-direction).
 */
package org.gpkg311.model;
