package org.gpkg311.geo;

/**
 * Which GeoJSON properties hold a district's id, name and council member (Nashville: DISTRICT, DistrictName,
 * Representative).
 *
 * @param idField             required; an integer number (19, 19.0) or integer text ("19")
 * @param nameField           may be null: every name is then null
 * @param representativeField may be null: every representative is then null
 */
public record DistrictFields(String idField, String nameField, String representativeField) {

    public DistrictFields {
        if (idField == null || idField.isBlank()) {
            throw new IllegalArgumentException("district id field is required");
        }
    }

    /** The property names of the Nashville council district layers (2012 and 2022 plans). */
    public static DistrictFields nashville() {
        return new DistrictFields("DISTRICT", "DistrictName", "Representative");
    }
}
