package org.gpkg311.clean;

import java.time.Instant;

/**
 * A raw row that passed every check, joined to its district; status is not yet resolved at asOf.
 *
 * @param sourceIndex position of the source in the run's reading order (for "latest version" ties)
 * @param line        line (CSV) or feature number (JSON) in that source
 * @param status      status text as the city records it (may be null)
 * @param latitude    NaN when the row has no coordinates
 * @param longitude   NaN when the row has no coordinates
 * @param districtId  the district that contains the point, or the district field for rows kept by it
 * @param located     true when the point lies inside a district (only these enter point statistics)
 * @param notes       bit set of {@link QualityNote}s about this row
 */
public record ParsedRequest(int sourceIndex, long line, String requestId, String requestType, String subrequestType,
                            String additionalSubrequestType, String status, Instant openedAt, Instant closedAt,
                            String origin, String address, String city, String zipCode,
                            double latitude, double longitude, int districtId, boolean located, int notes) {

    /** The instant that orders versions of the same request: the close time when known, else the open time. */
    public Instant versionTime() {
        return closedAt != null ? closedAt : openedAt;
    }

    /** True when {@code this} is a later version of the same request than {@code other}. */
    public boolean isNewerThan(ParsedRequest other) {
        int c = versionTime().compareTo(other.versionTime());
        if (c != 0) return c > 0;
        if (sourceIndex != other.sourceIndex) return sourceIndex > other.sourceIndex;
        return line > other.line;
    }

    public boolean hasNote(QualityNote n) {
        return (notes & n.bit()) != 0;
    }
}
