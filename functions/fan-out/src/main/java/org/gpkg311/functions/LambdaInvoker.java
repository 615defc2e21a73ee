package org.gpkg311.functions;

import java.net.URI;
import java.time.Duration;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * Asynchronous ("Event") invocations through the real Lambda API. AWS queues the event and answers 202;
 * its retries and on-failure destination then belong to the generator function. The Runtime Interface
 * Emulator used on loopback has no queue: it runs the function before answering (200).
 */
public final class LambdaInvoker implements GeneratorInvoker {

    private final LambdaClient lambda;

    public LambdaInvoker(LambdaClient lambda) {
        this.lambda = lambda;
    }

    /** @param endpoint a Lambda API other than AWS's (the emulator), or null */
    public static LambdaInvoker create(URI endpoint) {
        String region = System.getenv("AWS_REGION");
        var builder = LambdaClient.builder()
                .region(Region.of(region == null || region.isBlank() ? "us-east-1" : region))
                // An Event invocation returns at once on AWS; the emulator runs the generator first.
                .httpClient(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofMinutes(5)).build());
        if (endpoint != null) builder.endpointOverride(endpoint);
        return new LambdaInvoker(builder.build());
    }

    @Override
    public void invokeAsync(String functionName, byte[] payload) {
        InvokeResponse r = lambda.invoke(b -> b.functionName(functionName)
                .invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromByteArray(payload)));
        if (r.statusCode() / 100 != 2 || r.functionError() != null) {
            throw new IllegalStateException("invocation of " + functionName + " was not accepted: status " + r.statusCode()
                    + (r.functionError() == null ? "" : ", " + r.functionError() + ": " + r.payload().asUtf8String()));
        }
    }
}
