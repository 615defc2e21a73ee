package org.gpkg311.functions;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The loopback services that `. .ci/loopback.sh start` provides: LocalStack (real S3, SQS and EventBridge APIs)
 * and the Lambda Runtime Interface Emulator binary. When the tests are enabled and a service is missing they
 * fail, never skip.
 */
final class Loopback {

    static final String REGION = "us-east-1";
    static final AwsBasicCredentials CREDENTIALS = AwsBasicCredentials.create("test", "test");

    private Loopback() {}

    static URI endpoint() {
        String e = System.getenv("GPKG311_LOCALSTACK_ENDPOINT");
        return URI.create(e == null || e.isBlank() ? "http://127.0.0.1:4566" : e);
    }

    /** Fails (not skips) when LocalStack does not answer: the tests were enabled, so the services must be up. */
    static void requireLocalStack() {
        try {
            HttpURLConnection c = (HttpURLConnection) endpoint().resolve("/_localstack/health").toURL().openConnection();
            c.setConnectTimeout(2000);
            c.setReadTimeout(5000);
            String body = new String(c.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            for (String s : new String[] {"s3", "sqs", "events"}) {
                if (!body.matches("(?s).*\"" + s + "\": ?\"(running|available)\".*")) {
                    fail("LocalStack at " + endpoint() + " does not offer " + s + ": " + body);
                }
            }
        } catch (IOException e) {
            fail("loopback tests are enabled but LocalStack does not answer at " + endpoint()
                    + " (start it with `. .ci/loopback.sh start`): " + e);
        }
    }

    static Path rie() {
        String r = System.getenv("GPKG311_RIE");
        Path p = r == null || r.isBlank() ? TemplateTest.repo().resolve(".cache/bin/aws-lambda-rie") : Path.of(r);
        if (!Files.isExecutable(p)) fail("no Lambda Runtime Interface Emulator at " + p + " (`. .ci/loopback.sh start` builds it)");
        return p;
    }

    static S3Client s3() {
        return s3(endpoint());
    }

    /** A client of the S3 API at {@code endpoint} (LocalStack, or a relay in front of it). */
    static S3Client s3(URI endpoint) {
        return S3Client.builder().endpointOverride(endpoint).region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(CREDENTIALS))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    static SqsClient sqs() {
        return SqsClient.builder().endpointOverride(endpoint()).region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(CREDENTIALS))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    static EventBridgeClient events() {
        return EventBridgeClient.builder().endpointOverride(endpoint()).region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(CREDENTIALS))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    static String uniqueBucket(String purpose) {
        return "gpkg311-" + purpose + "-" + Long.toHexString(System.nanoTime());
    }
}
