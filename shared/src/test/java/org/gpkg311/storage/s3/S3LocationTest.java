package org.gpkg311.storage.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;

class S3LocationTest {

    @Test
    void bucketOnlyHasAnEmptyPrefix() {
        S3Location l = S3Location.parse("s3://nashville311-gis-analysis-data");
        assertEquals("nashville311-gis-analysis-data", l.bucket());
        assertEquals("", l.prefix());
        assertEquals("raw/311/a.csv", l.objectKey("raw/311/a.csv"));
    }

    @Test
    void prefixGetsATrailingSlashAndKeysMapBothWays() {
        S3Location l = S3Location.parse("s3://b/city/nashville");
        assertEquals("city/nashville/", l.prefix());
        assertEquals("city/nashville/runs/r1/snapshot.bin", l.objectKey("runs/r1/snapshot.bin"));
        assertEquals("runs/r1/snapshot.bin", l.storageKey("city/nashville/runs/r1/snapshot.bin"));
        assertThrows(IllegalArgumentException.class, () -> l.storageKey("other/runs/x"));
    }

    @Test
    void rejectsKeysThatLeaveThePrefixAndLocationsWithoutBucket() {
        S3Location l = S3Location.parse("s3://b/p/");
        assertThrows(IllegalArgumentException.class, () -> l.objectKey("../secret"));
        assertThrows(IllegalArgumentException.class, () -> l.objectKey("/abs"));
        assertThrows(IllegalArgumentException.class, () -> S3Location.parse("s3:///x"));
        assertThrows(IllegalArgumentException.class, () -> S3Location.parse("/tmp/x"));
    }

    @Test
    void publicUrlIsVirtualHostedOnAwsAndPathStyleOnAnOverride() {
        S3Location l = S3Location.parse("s3://nashville311-gis-analysis-data");
        // The form the original scripts printed (architecture.md).
        assertEquals("https://nashville311-gis-analysis-data.s3.amazonaws.com/gpkg-public/trendDirection/trendDirection.gpkg",
                l.publicUrl("gpkg-public/trendDirection/trendDirection.gpkg", null));
        assertEquals("http://127.0.0.1:4566/nashville311-gis-analysis-data/gpkg-public/a/a.gpkg",
                l.publicUrl("gpkg-public/a/a.gpkg", URI.create("http://127.0.0.1:4566/")));
        // Space and non-ASCII are percent-encoded as UTF-8 (RFC 3986); '/' stays.
        assertEquals("https://b.s3.amazonaws.com/raw/a%20b/caf%C3%A9.csv",
                S3Location.parse("s3://b").publicUrl("raw/a b/café.csv", null));
    }

    @Test
    void settingsReadRegionAndEndpointFromTheEnvironment() {
        S3Settings none = S3Settings.fromEnvironment(Map.of());
        assertEquals("us-east-1", none.region().id());
        assertNull(none.endpoint());
        S3Settings local = S3Settings.fromEnvironment(Map.of("AWS_DEFAULT_REGION", "eu-west-1",
                "AWS_ENDPOINT_URL_S3", "http://127.0.0.1:9090", "GPKG311_S3_ENDPOINT", "http://127.0.0.1:4566"));
        assertEquals("eu-west-1", local.region().id());
        assertEquals(URI.create("http://127.0.0.1:4566"), local.endpoint());
        assertEquals("us-west-2", S3Settings.fromEnvironment(Map.of("AWS_REGION", "us-west-2", "AWS_DEFAULT_REGION", "x")).region().id());
    }
}
