package org.gpkg311.spatial;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * The cells of one hexagon grid that cover a study area (the districts on the LAEA plane): a cell is
 * kept when its intersection with the area has a positive area. Cells are numbered 0.. in (column,
 * row) order; neighbours share an edge (up to 6).
 */
public final class HexCells {

    private static final GeometryFactory PLANE = new GeometryFactory();

    /**
     * Overlaps below this share of a cell are floating-point residue of cells that only touch the
     * area along an edge (the hexagon corners come from sin/cos); they do not count as positive area.
     */
    static final double ROUNDING_AREA = 1e-9;
    /** The fast-path test points sit this share of the side inside the corners, for the same reason. */
    static final double CORNER_INSET = 1e-6;

    private final HexGrid grid;
    private final long[] keys;
    private final Map<Long, Integer> indexOfKey;
    private final int[][] neighbours;

    private HexCells(HexGrid grid, long[] keys) {
        this.grid = grid;
        this.keys = keys;
        this.indexOfKey = new HashMap<>(keys.length * 2);
        for (int i = 0; i < keys.length; i++) indexOfKey.put(keys[i], i);
        this.neighbours = new int[keys.length][];
        for (int i = 0; i < keys.length; i++) {
            long[] around = HexGrid.edgeNeighbours(HexGrid.column(keys[i]), HexGrid.row(keys[i]));
            int[] found = new int[6];
            int k = 0;
            for (long a : around) {
                Integer j = indexOfKey.get(a);
                if (j != null) found[k++] = j;
            }
            neighbours[i] = java.util.Arrays.copyOf(found, k);
        }
    }

    /** An area to cover: polygons on the plane, indexed for fast tests. */
    public static final class Area {
        private final List<PreparedGeometry> parts = new ArrayList<>();
        private final STRtree index = new STRtree();
        private final Envelope envelope = new Envelope();

        public Area(List<? extends Geometry> planarPolygons) {
            for (Geometry g : planarPolygons) {
                PreparedGeometry p = PreparedGeometryFactory.prepare(g);
                parts.add(p);
                index.insert(g.getEnvelopeInternal(), p);
                envelope.expandToInclude(g.getEnvelopeInternal());
            }
            index.build();
        }

        public Envelope envelope() {
            return envelope;
        }

        /** True when the polygon's intersection with the area has a positive area. */
        @SuppressWarnings("unchecked")
        boolean overlapsWithArea(Polygon cell, Coordinate[] testPoints) {
            List<PreparedGeometry> near = index.query(cell.getEnvelopeInternal());
            // Fast path: a point of the closed cell in the open interior of a part means a positive overlap.
            for (Coordinate c : testPoints) {
                var point = PLANE.createPoint(c);
                for (PreparedGeometry part : near) {
                    if (part.contains(point)) return true;
                }
            }
            for (PreparedGeometry part : near) {
                if (!part.intersects(cell)) continue;
                Geometry overlap = OverlayNGRobust.overlay(cell, part.getGeometry(), OverlayNG.INTERSECTION);
                if (overlap.getArea() > ROUNDING_AREA * cell.getArea()) return true;
            }
            return false;
        }
    }

    /** The grid's cells that overlap the area. The grid's origin is normally the area envelope's lower-left corner. */
    public static HexCells covering(HexGrid grid, Area area) {
        Envelope e = area.envelope();
        double side = grid.side();
        int firstColumn = (int) Math.floor((e.getMinX() - grid.originX()) / (1.5 * side)) - 1;
        int lastColumn = (int) Math.ceil((e.getMaxX() - grid.originX()) / (1.5 * side)) + 1;
        double rowHeight = Math.sqrt(3) * side;
        int firstRow = (int) Math.floor((e.getMinY() - grid.originY()) / rowHeight) - 1;
        int lastRow = (int) Math.ceil((e.getMaxY() - grid.originY()) / rowHeight) + 1;
        List<Long> kept = new ArrayList<>();
        for (int c = firstColumn; c <= lastColumn; c++) {
            for (int r = firstRow; r <= lastRow; r++) {
                Coordinate[] ring = grid.ring(c, r);
                double cx = grid.centreX(c), cy = grid.centreY(c, r);
                Coordinate[] tests = new Coordinate[7];
                tests[0] = new Coordinate(cx, cy); // the centre decides most cells at once
                for (int v = 0; v < 6; v++) {
                    tests[v + 1] = new Coordinate(ring[v].x + (cx - ring[v].x) * CORNER_INSET, ring[v].y + (cy - ring[v].y) * CORNER_INSET);
                }
                Polygon cell = PLANE.createPolygon(ring);
                if (!cell.getEnvelopeInternal().intersects(e)) continue;
                if (area.overlapsWithArea(cell, tests)) kept.add(HexGrid.key(c, r));
            }
        }
        return new HexCells(grid, kept.stream().mapToLong(Long::longValue).toArray());
    }

    public HexGrid grid() {
        return grid;
    }

    public int size() {
        return keys.length;
    }

    public long key(int cell) {
        return keys[cell];
    }

    /** Cell index of a key, or -1 when that cell is not kept. */
    public int indexOf(long key) {
        Integer i = indexOfKey.get(key);
        return i == null ? -1 : i;
    }

    /** Edge-sharing neighbours of each cell (cell indexes). */
    public int[][] neighbours() {
        return neighbours;
    }

    /** Points per cell; points in no kept cell are not counted. */
    public int[] counts(double[] x, double[] y) {
        int[] counts = new int[keys.length];
        for (int p = 0; p < x.length; p++) {
            int i = indexOf(grid.cellOf(x[p], y[p]));
            if (i >= 0) counts[i]++;
        }
        return counts;
    }

    public Polygon polygon(int cell) {
        return grid.polygon(HexGrid.column(keys[cell]), HexGrid.row(keys[cell]), PLANE);
    }

    public Coordinate centre(int cell) {
        int c = HexGrid.column(keys[cell]), r = HexGrid.row(keys[cell]);
        return new Coordinate(grid.centreX(c), grid.centreY(c, r));
    }
}
