package org.gpkg311.generator.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.gpkg311.snapshot.Snapshot;
import org.gpkg311.table.Column;
import org.gpkg311.table.Table;
import org.gpkg311.testing.SnapshotFixture;
import org.junit.jupiter.api.Test;

class RequestLayerTest {

    private static final Instant T = Instant.parse("2025-11-10T15:00:00Z");

    /** Requests in insertion order: 0 in district 1, 1 in district 2, 2 in district 2 without a point. */
    private static Snapshot snapshot() {
        return new SnapshotFixture(Instant.parse("2025-11-24T18:00:00Z"))
                .district(1, 2).district(2, 4)
                .closed(1, T, 1).closed(2, T, 2).add(2, T, null, true, false, "Noise")
                .build();
    }

    @Test
    void districtContextCopiesEachRowsDistrictValue() {
        RequestLayer layer = RequestLayer.create("x", "X.", snapshot(),
                List.of(Column.real("score", "Score", "A district score."), Column.text("label", "Label", "A district label.")))
                .districtContext("score", new Double[] {1.5, null})
                .districtContext("label", new String[] {"A", "B"});
        Table t = layer.table();
        assertEquals(2, t.rowCount(), "the request without a point has no row");
        assertEquals(1.5, t.get(layer.rowOf(0), "score"));
        assertEquals("A", t.get(layer.rowOf(0), "label"));
        assertNull(t.get(layer.rowOf(1), "score"));
        assertEquals("B", t.get(layer.rowOf(1), "label"));
        assertEquals(-1, layer.rowOf(2));
    }

    @Test
    void eachRowVisitsTheRequestsThatHaveARow() {
        RequestLayer layer = RequestLayer.create("x", "X.", snapshot(), List.of(Column.integer("n", "N", "Request index.")));
        List<Integer> seen = new ArrayList<>();
        layer.eachRow((r, row) -> {
            seen.add(r);
            row.set("n", r);
        });
        assertEquals(List.of(0, 1), seen);
        assertEquals(1, layer.table().get(layer.rowOf(1), "n"));
        assertEquals(0, layer.districtOf(0));
        assertEquals(1, layer.districtOf(2));
    }

    /* 15:00 UTC on 10 November is 09:00 in Nashville (CST, UTC−6): the local columns, seconds always written. */
    @Test
    void localTimeColumnsOnEveryRow() {
        Table t = RequestLayer.create("x", "X.", snapshot(), List.of()).table();
        assertEquals("2025-11-10T09:00:00-06:00", t.get(0, "openedLocal"));
        assertEquals(java.time.LocalDate.of(2025, 11, 10), t.get(0, "openedLocalDate"));
        assertEquals(9, t.get(0, "openedLocalHour"));
    }

    /* The base rows are computed once per snapshot: a second snapshot gets its own, and two layers of one
       snapshot share values but not rows. */
    @Test
    void baseRowsFollowTheSnapshotAndAreReadOnlyInEveryLayer() {
        Snapshot first = snapshot();
        Snapshot second = new SnapshotFixture(Instant.parse("2025-11-24T18:00:00Z"))
                .district(1, 2).add(1, Instant.parse("2025-11-12T20:30:00Z"), null, true, true, "Pothole")
                .build();
        Table a = RequestLayer.create("a", "A.", first, List.of()).table();
        Table b = RequestLayer.create("b", "B.", second, List.of()).table();
        Table c = RequestLayer.create("c", "C.", first, List.of()).table();
        assertEquals(2, a.rowCount());
        assertEquals(1, b.rowCount());
        assertEquals("2025-11-12T14:30:00-06:00", b.get(0, "openedLocal"));
        assertEquals("Pothole", b.get(0, "requestType"));
        assertEquals(2, c.rowCount());
        for (int row = 0; row < 2; row++) {
            for (int col = 0; col < RequestLayer.BASE_COLUMNS.size(); col++) {
                assertEquals(a.values(row)[col], c.values(row)[col], "row " + row + " column " + col);
            }
        }
        // the layers of one snapshot extend one base (their writer copies it), which no layer can change
        // (the last snapshot's base is kept: c, made after b, computed it again)
        assertSame(c.base(), RequestLayer.create("d", "D.", first, List.of()).table().base());
        assertNotSame(c.base(), b.base());
        Object status = c.get(0, "status");
        assertThrows(IllegalStateException.class, () -> a.set(0, a.columnIndex("status"), "changed in a"));
        assertEquals(status, c.get(0, "status"));
    }
}
