package org.gpkg311.ingest;

import java.time.Duration;

/**
 * How hard a pull tries: each request up to {@code attempts} times with an exponential backoff from
 * {@code firstDelay}, doubled per retry and capped at {@code maxDelay}; each request times out after
 * {@code requestTimeout}.
 */
public record RetryPolicy(int attempts, Duration firstDelay, Duration maxDelay, Duration requestTimeout) {

    /** Five tries over about 30 s, a minute per request: an ArcGIS Online hiccup, not an outage. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofSeconds(2), Duration.ofSeconds(16), Duration.ofSeconds(60));

    public RetryPolicy {
        if (attempts < 1) throw new IllegalArgumentException("retry attempts must be at least 1, not " + attempts);
        if (firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0)
            throw new IllegalArgumentException("retry delays must satisfy 0 <= first <= max: " + firstDelay + ", " + maxDelay);
    }

    /** The pause before try {@code attempt + 1} (attempt counted from 1). */
    public Duration delayAfter(int attempt) {
        Duration d = firstDelay.multipliedBy(1L << Math.min(attempt - 1, 20));
        return d.compareTo(maxDelay) > 0 ? maxDelay : d;
    }
}
