package org.gpkg311.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * GET requests to one ArcGIS FeatureServer layer through the JDK's HTTP client, retried on transient
 * failures (HTTP 429 and 5xx, timeouts, resets, cut bodies) with the {@link RetryPolicy}'s backoff.
 */
final class FeatureServerClient implements AutoCloseable {

    /** What the layer says about itself ({@code ?f=json}). */
    record Layer(int maxRecordCount, String objectIdField) {}

    @FunctionalInterface
    interface BodyParser<T> {
        T parse(byte[] body) throws BadAnswer;
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI layer;
    private final HttpClient http;
    private final RetryPolicy retry;

    FeatureServerClient(String layerUrl, RetryPolicy retry) {
        String url = layerUrl.endsWith("/") ? layerUrl.substring(0, layerUrl.length() - 1) : layerUrl;
        this.layer = URI.create(url.replace("(", "%28").replace(")", "%29"));
        this.retry = retry;
        this.http = HttpClient.newBuilder()
                .connectTimeout(retry.requestTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    Layer describe() throws PullFailedException {
        return get("layer description (?f=json)", layer, Map.of("f", "json"), body -> {
            JsonNode n = object(body);
            int max = n.path("maxRecordCount").asInt(0);
            if (max <= 0) throw new BadAnswer("no positive maxRecordCount in the layer description", false);
            return new Layer(max, n.path("objectIdField").asText(null));
        });
    }

    long count(String where) throws PullFailedException {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("where", where);
        q.put("returnCountOnly", "true");
        q.put("f", "json");
        return get("count (returnCountOnly)", query(), q, body -> {
            JsonNode c = object(body).get("count");
            if (c == null || !c.canConvertToLong()) throw new BadAnswer("no 'count' in the answer", true);
            return c.asLong();
        });
    }

    URI query() {
        return URI.create(layer + "/query");
    }

    URI layer() {
        return layer;
    }

    /** One request, retried while the failure may pass; the last failure becomes the pull's one line. */
    <T> T get(String what, URI base, Map<String, String> params, BodyParser<T> parser) throws PullFailedException {
        URI uri = URI.create(base + "?" + params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(retry.requestTimeout())
                .header("Accept", "application/json").header("Accept-Encoding", "gzip").GET().build();
        String problem;
        boolean network;
        Exception cause;
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<InputStream> r = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
                byte[] body = body(r);
                int status = r.statusCode();
                if (status == 200) return parser.parse(body);
                network = false;
                cause = null;
                problem = "HTTP " + status + snippet(body);
                if (status != 429 && status < 500) throw new PullFailedException(what + ": " + problem, false, null);
            } catch (BadAnswer e) {
                if (!e.retryable()) throw new PullFailedException(what + ": " + e.getMessage(), false, e);
                problem = e.getMessage();
                network = false;
                cause = e;
            } catch (IOException e) {
                problem = describe(e);
                network = true;
                cause = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PullFailedException(what + ": interrupted", true, e);
            }
            if (attempt >= retry.attempts()) {
                throw new PullFailedException(what + ": " + problem + " (gave up after " + attempt + " attempts)", network, cause);
            }
            pause(retry.delayAfter(attempt).toMillis(), what);
        }
    }

    /** Stops the client's connection threads at the end of a pull (a warm Lambda would otherwise keep one per pull). */
    @Override
    public void close() {
        http.close();
    }

    private static byte[] body(HttpResponse<InputStream> r) throws IOException {
        try (InputStream raw = r.body()) {
            boolean gzip = r.headers().firstValue("Content-Encoding").map(v -> v.equalsIgnoreCase("gzip")).orElse(false);
            try (InputStream in = gzip ? new GZIPInputStream(raw) : raw) {
                return in.readAllBytes();
            }
        }
    }

    /** A JSON object that is not an ArcGIS error; an error body is final, a garbled one may pass. */
    static JsonNode object(byte[] body) throws BadAnswer {
        JsonNode n;
        try {
            n = JSON.readTree(new ByteArrayInputStream(body));
        } catch (IOException e) {
            throw new BadAnswer("malformed JSON (" + firstLine(e.getMessage()) + ")", true);
        }
        if (n == null || !n.isObject()) throw new BadAnswer("the answer is not a JSON object", true);
        if (n.has("error")) throw errorBody(n.get("error"));
        return n;
    }

    static BadAnswer errorBody(JsonNode error) {
        String details = error.path("details").isArray() && !error.path("details").isEmpty()
                ? " (" + error.path("details").get(0).asText() + ")" : "";
        return new BadAnswer("the service answered with error " + error.path("code").asText("?") + " "
                + error.path("message").asText("") + details, false);
    }

    private static String describe(IOException e) {
        if (e instanceof HttpTimeoutException) return "no answer within the request timeout";
        if (e instanceof ConnectException) return "cannot connect (" + (e.getMessage() == null ? "refused" : e.getMessage()) + ")";
        return "connection failed (" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + firstLine(e.getMessage())) + ")";
    }

    private static String snippet(byte[] body) {
        if (body.length == 0) return "";
        String s = new String(body, 0, Math.min(body.length, 120), StandardCharsets.UTF_8).strip();
        return s.isEmpty() ? "" : " (" + firstLine(s) + ")";
    }

    static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }

    private static void pause(long millis, String what) throws PullFailedException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PullFailedException(what + ": interrupted", true, e);
        }
    }
}
