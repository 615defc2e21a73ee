package org.gpkg311.gpkg;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.gpkg311.table.GeometryKind;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.WKBWriter;

/**
 * GeoPackage binary geometry (GeoPackage 1.2, clause 2.1.3): "GP", version 0, flags, srs_id, optional
 * envelope, then 2D little-endian ISO WKB. Points carry no envelope (indicator 0, allowed and what GDAL
 * writes); every other type carries [minx, maxx, miny, maxy] (indicator 1). Not thread-safe (reuses
 * its WKB writer); one instance per write.
 */
final class GeometryEncoder {

    static final int SRS_ID = 4326;

    private static final byte FLAG_LITTLE_ENDIAN = 0x01;
    private static final byte FLAG_ENVELOPE_XY = 0x02; // envelope indicator 1, in bits 1-3
    private static final byte FLAG_EMPTY = 0x10;
    private static final int HEADER = 8;
    private static final int ENVELOPE_XY = 32;
    private static final int WKB_POINT = 21;

    private final WKBWriter wkb = new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN, false);

    /**
     * Encodes one row's geometry after checking that it matches the layer's declared kind.
     *
     * @throws IllegalArgumentException on a type mismatch, a foreign SRID or a non-finite coordinate
     */
    byte[] encode(Geometry g, GeometryKind kind, String layer, int row) {
        check(g, kind, layer, row);
        if (g.isEmpty()) return empty(g);
        if (g instanceof Point p) return point(p.getX(), p.getY());
        byte[] body = wkb.write(g);
        Envelope e = g.getEnvelopeInternal();
        ByteBuffer b = ByteBuffer.allocate(HEADER + ENVELOPE_XY + body.length).order(ByteOrder.LITTLE_ENDIAN);
        header(b, (byte) (FLAG_LITTLE_ENDIAN | FLAG_ENVELOPE_XY));
        b.putDouble(e.getMinX()).putDouble(e.getMaxX()).putDouble(e.getMinY()).putDouble(e.getMaxY());
        b.put(body);
        return b.array();
    }

    /** Same bytes as WKBWriter(2, little-endian) behind a header without envelope, without the writer's buffers. */
    static byte[] point(double x, double y) {
        ByteBuffer b = ByteBuffer.allocate(HEADER + WKB_POINT).order(ByteOrder.LITTLE_ENDIAN);
        header(b, FLAG_LITTLE_ENDIAN);
        b.put((byte) 1).putInt(1).putDouble(x).putDouble(y);
        return b.array();
    }

    private byte[] empty(Geometry g) {
        byte[] body = wkb.write(g);
        ByteBuffer b = ByteBuffer.allocate(HEADER + body.length).order(ByteOrder.LITTLE_ENDIAN);
        header(b, (byte) (FLAG_LITTLE_ENDIAN | FLAG_EMPTY));
        b.put(body);
        return b.array();
    }

    private static void header(ByteBuffer b, byte flags) {
        b.put((byte) 'G').put((byte) 'P').put((byte) 0).put(flags).putInt(SRS_ID);
    }

    static void check(Geometry g, GeometryKind kind, String layer, int row) {
        boolean ok = switch (kind) {
            case POINT -> g instanceof Point;
            case POLYGON -> g instanceof Polygon;
            case MULTIPOLYGON -> g instanceof MultiPolygon;
            case NONE -> false;
        };
        if (!ok) {
            throw new IllegalArgumentException("layer " + layer + " (" + kind + "), row " + row + ": geometry is a "
                    + g.getGeometryType() + (kind == GeometryKind.MULTIPOLYGON && g instanceof Polygon
                    ? "; wrap it in a MultiPolygon" : ""));
        }
        if (g.getSRID() != 0 && g.getSRID() != SRS_ID) {
            throw new IllegalArgumentException("layer " + layer + ", row " + row + ": SRID " + g.getSRID()
                    + ", expected EPSG:4326 longitude/latitude");
        }
        if (!finite(g)) {
            throw new IllegalArgumentException("layer " + layer + ", row " + row + ": non-finite coordinate in " + g);
        }
    }

    private static boolean finite(Geometry g) {
        if (g instanceof Point p) return g.isEmpty() || (Double.isFinite(p.getX()) && Double.isFinite(p.getY()));
        for (Coordinate c : g.getCoordinates()) {
            if (!Double.isFinite(c.getX()) || !Double.isFinite(c.getY())) return false;
        }
        return true;
    }
}
