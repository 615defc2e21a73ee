package org.gpkg311.spatial;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * Flat-topped hexagons on the LAEA plane, laid out as the spec's analysis grid: the centre of cell
 * (column 0, row 0) at the origin (the lower-left corner of the districts' projected envelope),
 * columns 1.5 × side apart, odd columns shifted up by √3/2 × side. Cells are named by (column, row)
 * and packed into one long key.
 */
public record HexGrid(double side, double originX, double originY) {

    private static final double SQRT3 = Math.sqrt(3.0);

    /** The grid whose cells have the given area: a flat-topped hexagon of side s has area (3√3/2)·s². */
    public static HexGrid ofCellArea(double cellArea, double originX, double originY) {
        return new HexGrid(Math.sqrt(2 * cellArea / (3 * SQRT3)), originX, originY);
    }

    public double cellArea() {
        return 1.5 * SQRT3 * side * side;
    }

    public static long key(int column, int row) {
        return ((long) column << 32) | (row & 0xffffffffL);
    }

    public static int column(long key) {
        return (int) (key >> 32);
    }

    public static int row(long key) {
        return (int) key;
    }

    public double centreX(int column) {
        return originX + 1.5 * side * column;
    }

    public double centreY(int column, int row) {
        return originY + SQRT3 * side * row + ((column & 1) == 1 ? SQRT3 / 2 * side : 0);
    }

    /** Key of the cell that contains (x, y), by cube rounding of the axial coordinates. */
    public long cellOf(double x, double y) {
        double dx = x - originX, dy = y - originY;
        double q = (2.0 / 3.0 * dx) / side;
        double r = (-1.0 / 3.0 * dx + SQRT3 / 3.0 * dy) / side;
        double s = -q - r;
        long rq = Math.round(q), rr = Math.round(r), rs = Math.round(s);
        double eq = Math.abs(rq - q), er = Math.abs(rr - r), es = Math.abs(rs - s);
        if (eq > er && eq > es) rq = -rr - rs;
        else if (er > es) rr = -rq - rs;
        int column = (int) rq;
        int row = (int) (rr + (rq - (rq & 1)) / 2);
        return key(column, row);
    }

    /** The six cells that share an edge with (column, row). */
    public static long[] edgeNeighbours(int column, int row) {
        int shift = (column & 1) == 1 ? 1 : 0; // odd columns sit half a row higher
        return new long[] {
                key(column, row + 1), key(column, row - 1),
                key(column - 1, row - 1 + shift), key(column - 1, row + shift),
                key(column + 1, row - 1 + shift), key(column + 1, row + shift)};
    }

    /** The six corners (angles 0°, 60°, …, 300°), as a closed ring. */
    public Coordinate[] ring(int column, int row) {
        double cx = centreX(column), cy = centreY(column, row);
        Coordinate[] ring = new Coordinate[7];
        for (int v = 0; v < 6; v++) {
            double a = Math.PI / 3 * v;
            ring[v] = new Coordinate(cx + side * Math.cos(a), cy + side * Math.sin(a));
        }
        ring[6] = ring[0].copy();
        return ring;
    }

    public Polygon polygon(int column, int row, GeometryFactory factory) {
        return factory.createPolygon(ring(column, row));
    }
}
