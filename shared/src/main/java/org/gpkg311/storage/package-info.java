/**
 * The Storage interface and the local-folder back end, chosen by a location string.
 *
 * <p>Uses nothing of the project; storage.s3 implements it. Dependencies point one way
 * (docs/architecture.md#dependency-direction).
 */
package org.gpkg311.storage;
