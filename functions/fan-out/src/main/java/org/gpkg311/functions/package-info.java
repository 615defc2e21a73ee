/**
 * The fanOut Lambda (module functions/fan-out): one snapshot per trigger (schedule, SQS-wrapped S3 events,
 * direct), then every generator function invoked asynchronously.
 *
 * <p>May use: the functions/common classes, pipeline, snapshot, storage, storage.s3, the AWS SDK's Lambda client.
 * A thin handler: parse the event, call the pipeline. Dependencies point one way
 * (docs/architecture.md#dependency-direction).
 */
package org.gpkg311.functions;
