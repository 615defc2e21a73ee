package org.gpkg311.profile;

/**
 * The canonical fields of a 311 request, whatever a city's export calls them. The city profile maps
 * each to a list of (normalised) column aliases; {@link #key()} is the name used in profile files.
 */
public enum Field {
    REQUEST_ID("requestId"),
    STATUS("status"),
    REQUEST_TYPE("requestType"),
    SUBREQUEST_TYPE("subrequestType"),
    ADDITIONAL_SUBREQUEST_TYPE("additionalSubrequestType"),
    OPENED_AT("openedAt"),
    CLOSED_AT("closedAt"),
    ORIGIN("origin"),
    ADDRESS("address"),
    CITY("city"),
    ZIP_CODE("zipCode"),
    DISTRICT("districtId"),
    LATITUDE("latitude"),
    LONGITUDE("longitude");

    private final String key;

    Field(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Field byKey(String key) {
        for (Field f : values()) if (f.key.equals(key)) return f;
        throw new IllegalArgumentException("unknown canonical field '" + key + "'");
    }
}
