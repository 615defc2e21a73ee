package org.gpkg311.clean;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.gpkg311.profile.CityProfile;
import org.gpkg311.profile.Field;
import org.gpkg311.read.RawRow;

/**
 * Parses and validates one raw row at a time: either a {@link ParsedRequest} or a counted
 * {@link RejectionReason}. Checks run in the enum's order and the first failure decides the reason.
 * The join follows the spec: the point decides the district; a point outside every district is kept
 * by a valid district field (not located); a row without coordinates but with a valid district field
 * counts for district statistics only. One cleaner per run and thread (it keeps a string pool).
 */
public final class RowCleaner {

    private final CityProfile profile;
    private final TimestampParser timestamps;
    private final DistrictLocator locator;
    private final Set<Integer> districtIds;
    private final Instant clock;
    private final RejectionCounter counter;
    private final Map<String, String> pool = new HashMap<>();

    /**
     * @param districtIds ids of the loaded district polygons: a district field must name one of them
     * @param clock       the run's clock instant; a row opened after it is rejected
     */
    public RowCleaner(CityProfile profile, DistrictLocator locator, Set<Integer> districtIds, Instant clock,
                      RejectionCounter counter) {
        this.profile = profile;
        this.timestamps = new TimestampParser(profile);
        this.locator = locator;
        this.districtIds = Set.copyOf(districtIds);
        this.clock = clock;
        this.counter = counter;
    }

    /** The cleaned request, or null after counting the row's rejection reason. */
    public ParsedRequest clean(RawRow row, int sourceIndex) {
        RejectionReason reason = null;
        String id = row.text(Field.REQUEST_ID);
        Instant opened = null, closed = null;
        if (row.malformed()) reason = RejectionReason.MALFORMED_RECORD;
        else if (id == null) reason = RejectionReason.MISSING_REQUEST_ID;
        if (reason == null) {
            Object rawOpened = row.value(Field.OPENED_AT);
            if (rawOpened == null || rawOpened.toString().isBlank()) reason = RejectionReason.MISSING_OPEN_TIME;
            else if ((opened = timestamps.parse(rawOpened)) == null) reason = RejectionReason.UNPARSEABLE_OPEN_TIME;
        }
        if (reason == null) {
            Object rawClosed = row.value(Field.CLOSED_AT);
            if (rawClosed != null && !rawClosed.toString().isBlank()
                    && (closed = timestamps.parse(rawClosed)) == null) reason = RejectionReason.UNPARSEABLE_CLOSE_TIME;
        }
        if (reason == null && closed != null && closed.isBefore(opened)) reason = RejectionReason.CLOSED_BEFORE_OPENED;
        if (reason == null && opened.isAfter(clock)) reason = RejectionReason.OPENED_IN_FUTURE;

        double lat = Double.NaN, lon = Double.NaN;
        boolean hasPoint = false, insideBox = false;
        if (reason == null) {
            Object rawLat = row.value(Field.LATITUDE), rawLon = row.value(Field.LONGITUDE);
            boolean latBlank = blank(rawLat), lonBlank = blank(rawLon);
            if (!latBlank || !lonBlank) {
                lat = number(rawLat);
                lon = number(rawLon);
                if (!usable(lon, lat)) reason = RejectionReason.INVALID_COORDINATES;
                else {
                    hasPoint = true;
                    // A real point far from the city (e.g. in Virginia) is a point outside every district:
                    // the spec's join keeps it by a valid district field, so it is not rejected here.
                    insideBox = profile.bbox().contains(lon, lat);
                }
            }
        }
        int districtId = -1;
        boolean located = false;
        int notes = 0;
        if (reason == null) {
            Object rawDistrict = row.value(Field.DISTRICT);
            boolean fieldPresent = !blank(rawDistrict);
            int field = fieldPresent ? districtNumber(rawDistrict) : -1;
            boolean fieldValid = field >= 0;
            int pointDistrict = insideBox ? locator.locate(lon, lat) : -1;
            if (pointDistrict >= 0) {
                districtId = pointDistrict;
                located = true;
                if (fieldValid && field != pointDistrict) notes |= QualityNote.POINT_FIELD_DISAGREE.bit();
                if (fieldPresent && !fieldValid) notes |= QualityNote.INVALID_DISTRICT_FIELD_IGNORED.bit();
            } else if (fieldValid) {
                districtId = field;
                notes |= (hasPoint ? QualityNote.KEPT_BY_DISTRICT_FIELD : QualityNote.NO_COORDINATES).bit();
            } else if (fieldPresent) {
                reason = RejectionReason.INVALID_DISTRICT;
            } else {
                reason = hasPoint ? RejectionReason.OUTSIDE_DISTRICTS : RejectionReason.NO_LOCATION;
            }
        }
        if (reason != null) {
            counter.reject(reason);
            return null;
        }
        return new ParsedRequest(sourceIndex, row.line(), id, pooled(row, Field.REQUEST_TYPE),
                pooled(row, Field.SUBREQUEST_TYPE), pooled(row, Field.ADDITIONAL_SUBREQUEST_TYPE),
                pooled(row, Field.STATUS), opened, closed, pooled(row, Field.ORIGIN), row.text(Field.ADDRESS),
                pooled(row, Field.CITY), pooled(row, Field.ZIP_CODE), lat, lon, districtId, located, notes);
    }

    /** A real lon/lat: numeric, in range and not the 0/0 placeholder. */
    private static boolean usable(double lon, double lat) {
        if (Double.isNaN(lon) || Double.isNaN(lat) || Double.isInfinite(lon) || Double.isInfinite(lat)) return false;
        if (lon < -180 || lon > 180 || lat < -90 || lat > 90) return false;
        return !(lon == 0 && lat == 0);
    }

    /** A district field as a district id ("19", "19.0", 19.0 → 19), or -1 when not a valid one. */
    int districtNumber(Object raw) {
        double d = number(raw);
        if (Double.isNaN(d) || d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) return -1;
        int id = (int) d;
        return profile.districtIds().contains(id) && districtIds.contains(id) ? id : -1;
    }

    private static boolean blank(Object v) {
        return v == null || v.toString().isBlank();
    }

    private static double number(Object v) {
        if (v instanceof Number n) return n.doubleValue();
        if (v == null) return Double.NaN;
        try {
            return Double.parseDouble(v.toString().strip());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Repeated texts (types, statuses, cities) share one String instance: a million rows stay small. */
    private String pooled(RawRow row, Field f) {
        String s = row.text(f);
        if (s == null) return null;
        return pool.computeIfAbsent(s, k -> k);
    }
}
