package org.gpkg311.sample;

import java.time.Instant;

/** One row of the sample export, as text in the Hub CSV's column order (mutable while being spoiled or split). */
final class SampleRow {
    Instant sortKey;          // the (intended) open instant: rows are written in this order
    int file;                 // 0-based output file
    String requestId = "";
    String status = "";
    String type = "";
    String subtype = "";
    String additional = "";
    String opened = "";
    String closed = "";
    String origin = "";
    String address = "";
    String city = "";
    String district = "";
    String zip = "";
    String latitude = "";
    String longitude = "";

    SampleRow copy() {
        SampleRow r = new SampleRow();
        r.sortKey = sortKey;
        r.file = file;
        r.requestId = requestId;
        r.status = status;
        r.type = type;
        r.subtype = subtype;
        r.additional = additional;
        r.opened = opened;
        r.closed = closed;
        r.origin = origin;
        r.address = address;
        r.city = city;
        r.district = district;
        r.zip = zip;
        r.latitude = latitude;
        r.longitude = longitude;
        return r;
    }

    String[] fields() {
        return new String[] {requestId, status, type, subtype, additional, opened, closed, origin, address, city,
                district, zip, latitude, longitude};
    }
}
