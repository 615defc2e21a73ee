package org.gpkg311.spatial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

class HexGridTest {

    private static final GeometryFactory F = new GeometryFactory();
    private static final double R3 = Math.sqrt(3);

    private static Polygon rectangle(double w, double h) {
        return F.createPolygon(new Coordinate[] {
                new Coordinate(0, 0), new Coordinate(w, 0), new Coordinate(w, h), new Coordinate(0, h), new Coordinate(0, 0)});
    }

    @Test
    void cellAreaAndSide() {
        // A flat-topped hexagon of side 1 has area 3√3/2 = 2.598076211353316.
        HexGrid g = HexGrid.ofCellArea(1.5 * R3, 0, 0);
        assertEquals(1.0, g.side(), 1e-12);
        assertEquals(1.5 * R3, g.polygon(3, 4, F).getArea(), 1e-9);
    }

    @Test
    void layoutFollowsTheSpec() {
        HexGrid g = new HexGrid(2.0, 10, 20);
        // Column 0 row 0 at the origin; columns 1.5·side apart; odd columns √3/2·side higher.
        assertEquals(10.0, g.centreX(0));
        assertEquals(20.0, g.centreY(0, 0));
        assertEquals(13.0, g.centreX(1), 1e-12);
        assertEquals(20 + R3, g.centreY(1, 0), 1e-12);
        assertEquals(20 + 2 * R3, g.centreY(2, 1), 1e-12);
        // Flat top: two vertices at the centre's height ± side along x, the top edge horizontal.
        Coordinate[] ring = g.ring(0, 0);
        assertEquals(12.0, ring[0].x, 1e-12);
        assertEquals(20.0, ring[0].y, 1e-12);
        assertEquals(ring[1].y, ring[2].y, 1e-12);
    }

    @Test
    void cellCountOnAKnownRectangle() {
        // Side 1, rectangle [0,3] × [0,2√3], origin at its lower-left corner.
        // Even columns 0 (x=0) and 2 (x=3): rows 0, 1, 2 overlap the rectangle with positive area (3 + 3).
        // Odd column 1 (x=1.5, centres √3/2 higher): rows 0 and 1 overlap; rows −1 and 2 only touch
        // the bottom / top edge along a line (area 0), so they are not kept (2).
        // Columns −1 and 3 stay 0.5 away. Total 8.
        HexCells cells = HexCells.covering(new HexGrid(1.0, 0, 0), new HexCells.Area(List.of(rectangle(3, 2 * R3))));
        assertEquals(8, cells.size());
        Set<Long> keys = new HashSet<>();
        for (int i = 0; i < cells.size(); i++) keys.add(cells.key(i));
        assertEquals(Set.of(HexGrid.key(0, 0), HexGrid.key(0, 1), HexGrid.key(0, 2), HexGrid.key(1, 0), HexGrid.key(1, 1),
                HexGrid.key(2, 0), HexGrid.key(2, 1), HexGrid.key(2, 2)), keys);
    }

    @Test
    void interiorCellsHaveSixEdgeNeighbours() {
        HexCells cells = HexCells.covering(new HexGrid(1.0, 0, 0), new HexCells.Area(List.of(rectangle(12, 12))));
        int inner = cells.indexOf(HexGrid.key(4, 3));
        int innerOdd = cells.indexOf(HexGrid.key(5, 3));
        assertEquals(6, cells.neighbours()[inner].length);
        assertEquals(6, cells.neighbours()[innerOdd].length);
        // Corner cell (0,0) of the rectangle: neighbours (0,1), (1,0) and (1,−1) only touches the bottom edge → 2.
        assertEquals(2, cells.neighbours()[cells.indexOf(HexGrid.key(0, 0))].length);
        // Geometric check of every neighbour pair: centres √3·side apart and the polygons share an edge
        // (exactly two corners in common, up to rounding).
        for (int i = 0; i < cells.size(); i++) {
            for (int j : cells.neighbours()[i]) {
                assertEquals(R3, cells.centre(i).distance(cells.centre(j)), 1e-9);
                int shared = 0;
                Coordinate[] a = cells.polygon(i).getCoordinates(), b = cells.polygon(j).getCoordinates();
                for (int u = 0; u < 6; u++) for (int v = 0; v < 6; v++) if (a[u].distance(b[v]) < 1e-9) shared++;
                assertEquals(2, shared);
            }
        }
    }

    @Test
    void everyPointFallsInTheHexagonThatContainsIt() {
        HexGrid g = new HexGrid(3.7, -5, 2);
        Random random = new Random(7);
        for (int i = 0; i < 5000; i++) {
            double x = -100 + 200 * random.nextDouble(), y = -100 + 200 * random.nextDouble();
            long key = g.cellOf(x, y);
            Polygon hex = g.polygon(HexGrid.column(key), HexGrid.row(key), F);
            assertTrue(hex.buffer(1e-9).covers(F.createPoint(new Coordinate(x, y))), "point " + x + "," + y);
        }
        // A centre maps to its own cell, odd and negative columns included.
        assertEquals(HexGrid.key(-3, -2), g.cellOf(g.centreX(-3), g.centreY(-3, -2)));
        assertEquals(HexGrid.key(4, 7), g.cellOf(g.centreX(4), g.centreY(4, 7)));
    }

    @Test
    void countsPerCell() {
        HexCells cells = HexCells.covering(new HexGrid(1.0, 0, 0), new HexCells.Area(List.of(rectangle(3, 2 * R3))));
        // Two points in cell (0,0), one in (1,1) (centre (1.5, 1.5√3)), one outside the kept cells.
        int[] counts = cells.counts(new double[] {0.1, 0.2, 1.5, 50}, new double[] {0.1, 0.3, 1.5 * R3, 50});
        assertEquals(2, counts[cells.indexOf(HexGrid.key(0, 0))]);
        assertEquals(1, counts[cells.indexOf(HexGrid.key(1, 1))]);
        assertEquals(3, java.util.Arrays.stream(counts).sum());
    }
}
