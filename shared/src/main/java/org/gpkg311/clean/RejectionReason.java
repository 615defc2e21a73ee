package org.gpkg311.clean;

/** Why a raw row did not enter the snapshot; each row is counted under the first reason that applies, in this order. */
public enum RejectionReason {
    MALFORMED_RECORD("malformed record (a quoted field runs into the next records)"),
    MISSING_REQUEST_ID("missing request id"),
    MISSING_OPEN_TIME("missing open time"),
    UNPARSEABLE_OPEN_TIME("unparseable open time"),
    UNPARSEABLE_CLOSE_TIME("unparseable close time"),
    CLOSED_BEFORE_OPENED("closed before opened"),
    OPENED_IN_FUTURE("opened in the future (after the run's clock)"),
    INVALID_COORDINATES("invalid coordinates (non-numeric, out of range or 0/0)"),
    INVALID_DISTRICT("invalid district field and no point inside a district"),
    OUTSIDE_DISTRICTS("point outside every district and no district field"),
    NO_LOCATION("no coordinates and no district field"),
    DUPLICATE("duplicate request id (an older version; the latest is kept)");

    private final String label;

    RejectionReason(String label) {
        this.label = label;
    }

    /** Human-readable label, as written into the data-quality report and the provenance. */
    public String label() {
        return label;
    }
}
