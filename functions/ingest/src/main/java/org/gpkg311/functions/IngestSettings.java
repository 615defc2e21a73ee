package org.gpkg311.functions;

import java.time.Duration;
import java.util.Map;

import org.gpkg311.ingest.PullWindow;
import org.gpkg311.ingest.RetryPolicy;

/**
 * What the ingest reads from its environment besides {@link FunctionSettings}:
 * <ul>
 * <li>{@code GPKG311_SERVICE_URL}: the FeatureServer layer (default: the city profile's featureService)</li>
 * <li>{@code GPKG311_INGEST_MONTHS} (3) and {@code GPKG311_INGEST_MARGIN_DAYS} (7): the window before the as-of date</li>
 * <li>{@code GPKG311_INGEST_ATTEMPTS} (5), {@code GPKG311_INGEST_BACKOFF_MS} (2000, doubled per retry up to 8x),
 *     {@code GPKG311_INGEST_REQUEST_TIMEOUT_S} (60): the retries of each request</li>
 * </ul>
 */
record IngestSettings(String serviceUrl, int months, int marginDays, RetryPolicy retry) {

    static IngestSettings fromEnvironment(Map<String, String> env) {
        long backoff = number(env, "GPKG311_INGEST_BACKOFF_MS", 2000);
        Duration first = Duration.ofMillis(backoff);
        RetryPolicy retry = new RetryPolicy((int) number(env, "GPKG311_INGEST_ATTEMPTS", RetryPolicy.DEFAULT.attempts()),
                first, first.multipliedBy(8), Duration.ofSeconds(number(env, "GPKG311_INGEST_REQUEST_TIMEOUT_S", 60)));
        String url = env.get("GPKG311_SERVICE_URL");
        return new IngestSettings(url == null || url.isBlank() ? null : url.strip(),
                (int) number(env, "GPKG311_INGEST_MONTHS", PullWindow.DEFAULT_MONTHS),
                (int) number(env, "GPKG311_INGEST_MARGIN_DAYS", PullWindow.DEFAULT_MARGIN_DAYS), retry);
    }

    private static long number(Map<String, String> env, String name, long fallback) {
        String v = env.get(name);
        if (v == null || v.isBlank()) return fallback;
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalStateException(name + " is not a whole number: '" + v + "'");
        }
    }
}
