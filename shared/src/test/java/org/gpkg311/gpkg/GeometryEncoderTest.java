package org.gpkg311.gpkg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.HexFormat;

import org.gpkg311.table.GeometryKind;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.WKBWriter;

class GeometryEncoderTest {

    private final GeometryEncoder encoder = new GeometryEncoder();

    @Test
    void pointBytesByHand() {
        byte[] b = encoder.encode(Fixtures.GEOMETRY.createPoint(new Coordinate(1.0, -2.0)), GeometryKind.POINT, "l", 0);
        // GP, v0, flags 01, srs 4326 LE, WKB: 01 (LE) 01000000 (Point) 1.0 = 000000000000F03F, -2.0 = 00000000000000C0
        assertEquals("47500001e6100000" + "0101000000" + "000000000000f03f" + "00000000000000c0", HexFormat.of().formatHex(b));
    }

    @Test
    void pointFastPathEqualsJtsWkbWriter() {
        Geometry p = Fixtures.GEOMETRY.createPoint(new Coordinate(-86.6123456789, 36.2400000009));
        byte[] jts = new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN).write(p);
        byte[] ours = encoder.encode(p, GeometryKind.POINT, "l", 0);
        assertArrayEquals(jts, Arrays.copyOfRange(ours, 8, ours.length));
    }

    @Test
    void polygonCarriesItsEnvelope() {
        byte[] b = encoder.encode(Fixtures.wkt("POLYGON ((0 0, 2 0, 2 1, 0 0))"), GeometryKind.POLYGON, "l", 0);
        // flags 03, envelope minx 0, maxx 2, miny 0, maxy 1, then WKB type 3 (Polygon)
        assertEquals("47500003e6100000" + "0000000000000000" + "0000000000000040" + "0000000000000000" + "000000000000f03f" + "0103000000",
                HexFormat.of().formatHex(Arrays.copyOf(b, 45)));
    }

    @Test
    void emptyGeometryHasTheEmptyFlagAndNoEnvelope() {
        byte[] b = encoder.encode(new GeometryFactory().createMultiPolygon(), GeometryKind.MULTIPOLYGON, "l", 0);
        assertEquals("47500011e6100000", HexFormat.of().formatHex(Arrays.copyOf(b, 8)));
    }

    @Test
    void rejectsWrongTypeForeignSridAndNonFiniteCoordinates() {
        assertEquals("layer l (POINT), row 3: geometry is a Polygon", assertThrows(IllegalArgumentException.class,
                () -> encoder.encode(Fixtures.wkt("POLYGON ((0 0, 2 0, 2 1, 0 0))"), GeometryKind.POINT, "l", 3)).getMessage());
        Geometry mercator = Fixtures.GEOMETRY.createPoint(new Coordinate(1, 2));
        mercator.setSRID(3857);
        assertEquals("layer l, row 0: SRID 3857, expected EPSG:4326 longitude/latitude",
                assertThrows(IllegalArgumentException.class, () -> encoder.encode(mercator, GeometryKind.POINT, "l", 0)).getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> encoder.encode(Fixtures.GEOMETRY.createPoint(new Coordinate(Double.NaN, 2)), GeometryKind.POINT, "l", 0));
        assertThrows(IllegalArgumentException.class, () -> encoder.encode(
                Fixtures.wkt("MULTIPOLYGON (((0 0, 2 0, 2 1, 0 0)))").getFactory().createMultiPolygon(new org.locationtech.jts.geom.Polygon[] {
                        Fixtures.GEOMETRY.createPolygon(new Coordinate[] {new Coordinate(0, 0), new Coordinate(Double.POSITIVE_INFINITY, 0),
                                new Coordinate(1, 1), new Coordinate(0, 0)})}), GeometryKind.MULTIPOLYGON, "l", 0));
    }
}
