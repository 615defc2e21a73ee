package org.gpkg311.geo;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The polygon records of a {@code .shp} file (ESRI Shapefile Technical Description, July 1998): a 100-byte header
 * (file code 9994 and length big-endian, version 1000 and shape type little-endian), then records of a big-endian
 * header (number, content length in 16-bit words) and a little-endian content. Polygon (5), PolygonZ (15) and
 * PolygonM (25) are read as x/y rings; Z and M values are not needed. A null shape (0) is a record without rings.
 */
final class ShapefileShapes {

    static final int NULL = 0, POLYGON = 5, POLYGON_Z = 15, POLYGON_M = 25;
    private static final int FILE_CODE = 9994, VERSION = 1000, HEADER = 100;

    private ShapefileShapes() {
    }

    /** Each record's rings as x0, y0, x1, y1, … arrays, in file order. */
    static List<List<double[]>> read(byte[] shp, String name) {
        ByteBuffer b = ByteBuffer.wrap(shp);
        if (shp.length < HEADER || b.order(ByteOrder.BIG_ENDIAN).getInt(0) != FILE_CODE) {
            throw new IllegalArgumentException(name + ": not a shapefile (no 100-byte header with file code 9994)");
        }
        long declared = 2L * b.getInt(24);
        b.order(ByteOrder.LITTLE_ENDIAN);
        if (b.getInt(28) != VERSION) {
            throw new IllegalArgumentException(name + ": shapefile version " + b.getInt(28) + ", expected 1000");
        }
        int type = b.getInt(32);
        if (type != POLYGON && type != POLYGON_Z && type != POLYGON_M) {
            throw new IllegalArgumentException(name + ": shape type " + type
                    + ", expected polygons (5, 15 or 25): district boundaries are areas");
        }
        if (declared != shp.length) {
            throw new IllegalArgumentException(name + ": the header declares " + declared + " bytes but the file has "
                    + shp.length + " (truncated or padded)");
        }
        List<List<double[]>> records = new ArrayList<>();
        int at = HEADER;
        while (at < shp.length) {
            int record = records.size() + 1;
            if (at + 8 > shp.length) throw cut(name, record);
            b.order(ByteOrder.BIG_ENDIAN);
            int contentBytes = 2 * b.getInt(at + 4);
            int start = at + 8, end = start + contentBytes;
            if (contentBytes < 4 || end > shp.length) throw cut(name, record);
            b.order(ByteOrder.LITTLE_ENDIAN);
            records.add(rings(b, start, end, name, record));
            at = end;
        }
        return records;
    }

    private static List<double[]> rings(ByteBuffer b, int start, int end, String name, int record) {
        int type = b.getInt(start);
        if (type == NULL) return List.of();
        if (type != POLYGON && type != POLYGON_Z && type != POLYGON_M) {
            throw new IllegalArgumentException(name + ": record " + record + " has shape type " + type
                    + ", expected a polygon");
        }
        // type, box (4 doubles), numParts, numPoints, parts[numParts], points[numPoints]
        int numParts = b.getInt(start + 36), numPoints = b.getInt(start + 40);
        int parts = start + 44, points = parts + 4 * numParts;
        if (numParts < 1 || numPoints < numParts || (long) points + 16L * numPoints > end) {
            throw new IllegalArgumentException(name + ": record " + record + " declares " + numParts + " parts and "
                    + numPoints + " points, more than its content holds");
        }
        List<double[]> rings = new ArrayList<>(numParts);
        for (int p = 0; p < numParts; p++) {
            int first = b.getInt(parts + 4 * p);
            int last = p + 1 < numParts ? b.getInt(parts + 4 * (p + 1)) : numPoints;
            if (first < 0 || last > numPoints || last <= first) {
                throw new IllegalArgumentException(name + ": record " + record + ", part " + p
                        + ": point index " + first + ".." + last + " is out of order or range");
            }
            double[] ring = new double[2 * (last - first)];
            for (int k = first; k < last; k++) {
                ring[2 * (k - first)] = b.getDouble(points + 16 * k);
                ring[2 * (k - first) + 1] = b.getDouble(points + 16 * k + 8);
            }
            rings.add(ring);
        }
        return rings;
    }

    private static IllegalArgumentException cut(String name, int record) {
        return new IllegalArgumentException(name + ": record " + record + " is cut short (truncated file)");
    }
}
