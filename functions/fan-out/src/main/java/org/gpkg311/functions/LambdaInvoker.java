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
        if (r.statusCode() / 100 != 2 || r.functionError() != null || emulatedFailure(r)) {
            throw new IllegalStateException("invocation of " + functionName + " was not accepted: status " + r.statusCode()
                    + (r.functionError() == null ? "" : ", " + r.functionError())
                    + (r.payload() == null ? "" : ": " + r.payload().asUtf8String()));
        }
    }

    /**
     * AWS answers an Event invocation with 202 and no body. The emulator runs the function first and answers
     * with its result; an error object there means the generator failed (AWS would retry it, then hand the
     * event to the on-failure destination).
     */
    private static boolean emulatedFailure(InvokeResponse r) {
        if (r.statusCode() == 202 || r.payload() == null) return false;
        String body = r.payload().asUtf8String();
        return body.contains("\"errorType\"") && body.contains("\"errorMessage\"");
    }
}
