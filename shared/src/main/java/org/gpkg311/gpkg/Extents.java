package org.gpkg311.gpkg;

import org.gpkg311.table.GeometryKind;
import org.gpkg311.table.Table;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Exact bounding box of a layer, from the JTS envelopes of its geometries (double precision). The
 * writer puts it in gpkg_contents, the checker compares against it and the JSON summary reports it:
 * one computation, so the three always agree. The R-tree is not used because it stores float32.
 */
public final class Extents {

    private Extents() {}

    /** Envelope of all non-empty geometries, or null for an attribute table or a layer without any. */
    public static Envelope of(Table table) {
        if (table.geometryKind() == GeometryKind.NONE) return null;
        Envelope all = new Envelope();
        for (int r = 0; r < table.rowCount(); r++) {
            Geometry g = table.geometry(r);
            if (g != null && !g.isEmpty()) all.expandToInclude(g.getEnvelopeInternal());
        }
        return all.isNull() ? null : all;
    }
}
