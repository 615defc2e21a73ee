package org.gpkg311.model;

import java.time.Duration;
import java.time.Instant;

/**
 * One cleaned 311 request inside the snapshot window, joined to its district.
 * Status is already resolved at the run's asOf: {@code open} follows the spec's rule and
 * {@code closedAt} is null when the request was not closed by asOf.
 *
 * @param located true when the request has coordinates inside a district: only these
 *                rows enter the point layer and the point statistics
 */
public record ServiceRequest(
        String requestId,
        String requestType,
        String subrequestType,
        String additionalSubrequestType,
        String status,
        boolean open,
        Instant openedAt,
        Instant closedAt,
        String origin,
        String address,
        String city,
        String zipCode,
        double latitude,
        double longitude,
        int districtId,
        boolean located) {

    /** (closedAt − openedAt) in hours for closed requests with a close time; null otherwise. */
    public Double responseHours() {
        if (open || closedAt == null) return null;
        return Duration.between(openedAt, closedAt).toMillis() / 3_600_000.0;
    }

    /** (asOf − openedAt) in days. */
    public double daysSinceOpened(Instant asOf) {
        return Duration.between(openedAt, asOf).toMillis() / 86_400_000.0;
    }
}
