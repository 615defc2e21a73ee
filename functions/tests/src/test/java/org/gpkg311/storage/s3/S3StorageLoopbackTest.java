package org.gpkg311.storage.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gpkg311.storage.Storage;
import org.gpkg311.storage.StoredObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

/** S3Storage against LocalStack's S3: real requests, real pagination, real metadata headers. */
class S3StorageLoopbackTest {

    private static URI endpoint;
    private static S3Client s3;
    private static String bucket;

    @BeforeAll
    static void bucket() {
        String e = System.getenv("GPKG311_LOCALSTACK_ENDPOINT");
        endpoint = URI.create(e == null || e.isBlank() ? "http://127.0.0.1:4566" : e);
        try {
            HttpURLConnection c = (HttpURLConnection) endpoint.resolve("/_localstack/health").toURL().openConnection();
            c.setConnectTimeout(2000);
            c.getInputStream().close();
        } catch (IOException down) {
            fail("loopback tests are enabled but LocalStack does not answer at " + endpoint + ": " + down);
        }
        s3 = S3Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .httpClient(UrlConnectionHttpClient.create()).build();
        bucket = "gpkg311-storage-" + Long.toHexString(System.nanoTime());
        s3.createBucket(b -> b.bucket(bucket));
    }

    private static Storage storage(String prefix) {
        return new S3Storage(s3, S3Location.parse("s3://" + bucket + "/" + prefix), endpoint);
    }

    @Test
    void listsPastOneThousandObjectsUnderThePrefixOnly() throws IOException {
        Storage st = storage("city/");
        // 1,005 objects: ListObjectsV2 returns at most 1,000 per page, so this needs the continuation token.
        for (int i = 0; i < 1005; i++) st.put(String.format("raw/311/part-%04d.csv", i), new byte[] {(byte) 'x'}, "text/csv", Map.of());
        st.put("reference/d.geojson", "{}".getBytes(StandardCharsets.UTF_8), "application/geo+json", Map.of());
        s3.putObject(b -> b.bucket(bucket).key("elsewhere/raw/311/x.csv"), software.amazon.awssdk.core.sync.RequestBody.fromString("y"));

        List<StoredObject> raw = st.list("raw/311/");
        assertEquals(1005, raw.size());
        assertEquals("raw/311/part-0000.csv", raw.get(0).key());
        assertEquals("raw/311/part-1004.csv", raw.get(1004).key());
        assertEquals(1, raw.get(0).size());
        assertEquals(1006, st.list("").size(), "keys are relative to the location's prefix, nothing from elsewhere/");
    }

    @Test
    void storesFilesWithContentTypeAndAsciiMetadataAndReadsThemBack() throws IOException {
        Storage st = storage("");
        Path f = Files.createTempFile("gpkg311", ".gpkg");
        Files.writeString(f, "SQLite format 3");
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("runId", "20251125T060000Z-1a2b3c4d");
        meta.put("city", "Nashville–Davidson");
        st.put("gpkg-public/a/a.gpkg", f, "application/geopackage+sqlite3", meta);
        Files.delete(f);

        var head = s3.headObject(b -> b.bucket(bucket).key("gpkg-public/a/a.gpkg"));
        assertEquals("application/geopackage+sqlite3", head.contentType());
        assertEquals(Map.of("run-id", "20251125T060000Z-1a2b3c4d", "city", "Nashville?Davidson"), head.metadata());
        try (InputStream in = st.open("gpkg-public/a/a.gpkg")) {
            assertEquals("SQLite format 3", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertTrue(st.exists("gpkg-public/a/a.gpkg"));
        assertFalse(st.exists("gpkg-public/a/missing.gpkg"));
        assertThrows(NoSuchFileException.class, () -> st.open("gpkg-public/a/missing.gpkg"));
        // The URL printed for users answers on the endpoint (LocalStack serves path style).
        String url = st.locate("gpkg-public/a/a.gpkg");
        assertEquals(endpoint + "/" + bucket + "/gpkg-public/a/a.gpkg", url);
        assertEquals("s3://" + bucket + "/", st.describe());
    }

    @Test
    void storagesAtBuildsTheClientFromTheEnvironment() {
        // Storages.at reads GPKG311_S3_ENDPOINT from the process environment, which Maven does not set here:
        // without it the location is AWS's, and the public URL has the virtual-hosted form.
        Storage st = org.gpkg311.storage.Storages.at("s3://nashville311-gis-analysis-data");
        assertTrue(st instanceof S3Storage);
        if (System.getenv("GPKG311_S3_ENDPOINT") == null && System.getenv("AWS_ENDPOINT_URL_S3") == null) {
            assertEquals("https://nashville311-gis-analysis-data.s3.amazonaws.com/gpkg-public/x/x.gpkg",
                    st.locate("gpkg-public/x/x.gpkg"));
        }
    }
}
