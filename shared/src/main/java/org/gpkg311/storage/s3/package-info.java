/**
 * Storage on S3 through the AWS SDK for Java v2 (endpoint override and path style for LocalStack).
 *
 * <p>May use: storage. With the fan-out's invoker, the only user of the AWS SDK. Dependencies point one way
 * (docs/architecture.md#dependency-direction).
 */
package org.gpkg311.storage.s3;
