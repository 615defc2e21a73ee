package org.gpkg311.table;

/** Geometry of a layer; NONE is an attribute-only table (e.g. the RunInfo table). */
public enum GeometryKind {
    POINT, POLYGON, MULTIPOLYGON, NONE
}
