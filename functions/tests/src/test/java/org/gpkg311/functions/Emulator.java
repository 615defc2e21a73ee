package org.gpkg311.functions;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One function package under the AWS Lambda Runtime Interface Emulator (what `sam local invoke` runs inside
 * its container): {@code aws-lambda-rie java -cp <package>:<runtime interface client> AWSLambda <handler>}, bound
 * to 127.0.0.1. Synchronous, one invocation at a time; its REPORT lines give init and invoke durations.
 */
final class Emulator implements AutoCloseable {

    static final String RIC_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

    record Response(int status, String body) {}

    private final Process process;
    private final int port;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Emulator(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** The deployable jar of a function module, as `mvn package` builds it. */
    static Path functionPackage(String module, String artifactId) {
        Path jar = TemplateTest.repo().resolve("functions/" + module + "/target/" + artifactId + "-1.0.0-SNAPSHOT-lambda.jar");
        if (!Files.isRegularFile(jar)) fail("no function package " + jar + ": run `mvn package` (or verify) first");
        return jar;
    }

    static Emulator start(String name, Path functionPackage, String handler, Map<String, String> env, Path logDir) throws IOException {
        Path ric = Path.of("target/ric").toAbsolutePath();
        if (!Files.isDirectory(ric)) fail("no runtime interface client in " + ric + " (the pom copies it at generate-test-resources)");
        int port = LoopbackPorts.free();
        int runtimeApiPort = LoopbackPorts.free();
        Files.createDirectories(logDir);
        Path log = logDir.resolve(name + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(Loopback.rie().toString(),
                "--runtime-interface-emulator-address", "127.0.0.1:" + port,
                "--runtime-api-address", "127.0.0.1:" + runtimeApiPort,
                java, "-XX:+UseSerialGC", "-cp", functionPackage + ":" + ric + "/*", RIC_MAIN, handler));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(Map.of("AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test",
                "AWS_REGION", Loopback.REGION, "AWS_LAMBDA_FUNCTION_NAME", name,
                "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024", "AWS_LAMBDA_FUNCTION_TIMEOUT", "300"));
        pb.environment().putAll(env);
        Emulator e = new Emulator(pb.start(), port, log);
        e.awaitListening();
        return e;
    }

    private void awaitListening() throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) fail("the emulator exited: " + Files.readString(log));
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                sleep(100);
            }
        }
        fail("the emulator does not listen on 127.0.0.1:" + port + ": " + Files.readString(log));
    }

    /** The endpoint a Lambda client uses: it answers only for the function name "function". */
    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    Response invoke(String payload) throws IOException, InterruptedException {
        HttpRequest r = HttpRequest.newBuilder(endpoint().resolve("/2015-03-31/functions/function/invocations"))
                .timeout(Duration.ofMinutes(10)).POST(HttpRequest.BodyPublishers.ofString(payload)).build();
        HttpResponse<String> resp = http.send(r, HttpResponse.BodyHandlers.ofString());
        return new Response(resp.statusCode(), resp.body());
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    /** Durations of the REPORT lines, in ms: [init (or -1), duration] per invocation. */
    List<double[]> reports() throws IOException {
        List<double[]> out = new ArrayList<>();
        Matcher m = Pattern.compile("REPORT RequestId: \\S+\\s+(?:Init Duration: ([0-9.]+) ms\\s+)?Duration: ([0-9.]+) ms").matcher(log());
        while (m.find()) out.add(new double[] {m.group(1) == null ? -1 : Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))});
        return out;
    }

    /** The runtime's JVM (a child of the emulator), for its peak resident memory. */
    long runtimePeakRssKb() throws IOException {
        for (ProcessHandle h : process.descendants().toList()) {
            Path status = Path.of("/proc/" + h.pid() + "/status");
            if (Files.isReadable(status) && h.info().command().orElse("").endsWith("java")) {
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        }
        return -1;
    }

    @Override
    public void close() {
        // Only the processes this emulator started: the runtime JVM, then the emulator itself.
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (process.isAlive()) process.destroyForcibly();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
