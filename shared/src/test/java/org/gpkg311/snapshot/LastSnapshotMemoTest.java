package org.gpkg311.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.gpkg311.testing.SnapshotFixture;
import org.junit.jupiter.api.Test;

class LastSnapshotMemoTest {

    @Test
    void computesOncePerSnapshotInstanceAndOnlyRemembersTheLast() {
        AtomicInteger calls = new AtomicInteger();
        LastSnapshotMemo<Integer> memo = new LastSnapshotMemo<>(s -> calls.incrementAndGet());
        Snapshot a = new SnapshotFixture(Instant.parse("2025-11-24T18:00:00Z")).district(1, 1).build();
        Snapshot b = new SnapshotFixture(Instant.parse("2025-11-24T18:00:00Z")).district(1, 1).build();
        assertEquals(1, memo.of(a));
        assertEquals(1, memo.of(a));
        assertEquals(2, memo.of(b), "an equal but different snapshot instance is computed anew");
        assertEquals(3, memo.of(a), "only the last snapshot is remembered");
        assertEquals(3, calls.get());
    }
}
