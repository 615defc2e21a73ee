package org.gpkg311.ingest;

/**
 * The service answered, but not with what was asked. {@link #retryable()} answers may be a passing
 * fault (a cut or garbled body); an ArcGIS error body or a refused request is not retried.
 */
final class BadAnswer extends Exception {

    private final boolean retryable;

    BadAnswer(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    boolean retryable() {
        return retryable;
    }
}
