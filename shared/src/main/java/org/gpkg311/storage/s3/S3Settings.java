package org.gpkg311.storage.s3;

import java.net.URI;
import java.util.Map;

import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * How to reach S3: the region ({@code AWS_REGION}, then {@code AWS_DEFAULT_REGION}, default us-east-1) and
 * an optional endpoint override ({@code GPKG311_S3_ENDPOINT}, then {@code AWS_ENDPOINT_URL_S3}) for a local
 * S3 server such as LocalStack, which also turns on path-style addressing. Credentials come from the SDK's
 * default chain (the Lambda role, or AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY).
 */
public record S3Settings(Region region, URI endpoint) {

    public static final String DEFAULT_REGION = "us-east-1";

    public static S3Settings fromEnvironment(Map<String, String> env) {
        String region = firstSet(env, "AWS_REGION", "AWS_DEFAULT_REGION");
        String endpoint = firstSet(env, "GPKG311_S3_ENDPOINT", "AWS_ENDPOINT_URL_S3");
        return new S3Settings(Region.of(region == null ? DEFAULT_REGION : region),
                endpoint == null ? null : URI.create(endpoint));
    }

    public S3Client newClient() {
        var builder = S3Client.builder()
                .region(region)
                .httpClient(UrlConnectionHttpClient.create());
        if (endpoint != null) {
            builder.endpointOverride(endpoint)
                    .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                    // Local S3 servers differ in their support of the newer default CRC checksums.
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED);
        }
        return builder.build();
    }

    private static String firstSet(Map<String, String> env, String... names) {
        for (String n : names) {
            String v = env.get(n);
            if (v != null && !v.isBlank()) return v.strip();
        }
        return null;
    }
}
