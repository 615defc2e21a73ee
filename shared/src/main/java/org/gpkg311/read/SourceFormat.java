package org.gpkg311.read;

/** What a raw object holds, detected from its first bytes (after gunzipping), not from its name. */
public enum SourceFormat {
    /** A portal CSV export (Hub or legacy Socrata headers). */
    CSV,
    /** A JSON document: an ArcGIS FeatureServer query page or a GeoJSON FeatureCollection. */
    JSON,
    /** A Parquet file (the earlier pipeline's processed-data), recognised by its "PAR1" magic. */
    PARQUET,
    /** Nothing but whitespace. */
    EMPTY
}
