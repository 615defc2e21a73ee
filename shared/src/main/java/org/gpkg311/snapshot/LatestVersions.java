package org.gpkg311.snapshot;

import java.time.Instant;
import java.util.Arrays;

import org.gpkg311.clean.ParsedRequest;
import org.gpkg311.model.ServiceRequest;

/**
 * The latest version of each request id while the sources stream by, kept in columns (one row per id, a later
 * version overwrites its row) rather than one object per row. Status is stored as recorded; the builder
 * resolves it at asOf once every row is read.
 */
final class LatestVersions {

    private final RequestColumns.Builder rows = new RequestColumns.Builder(1 << 12);
    private int[] source = new int[1 << 12];
    private long[] line = new long[1 << 12];
    private int[] notes = new int[1 << 12];
    /** Open addressing: row + 1 of the id hashed there, 0 when empty; at most half full. */
    private int[] table = new int[1 << 13];

    int size() {
        return rows.size();
    }

    /** Keeps p if its id is new or p is a later version of it; false when the id was seen before (a duplicate). */
    boolean offer(ParsedRequest p) {
        int slot = slotOf(p.requestId());
        int row = table[slot] - 1;
        if (row < 0) {
            row = rows.size();
            table[slot] = row + 1;
            put(row, p);
            if (2 * rows.size() > table.length) rehash();
            return true;
        }
        if (isNewer(p, row)) put(row, p);
        return false;
    }

    /** ParsedRequest.isNewerThan against the stored version of row. */
    private boolean isNewer(ParsedRequest p, int row) {
        Instant stored = rows.closedAt(row) != null ? rows.closedAt(row) : rows.openedAt(row);
        int c = p.versionTime().compareTo(stored);
        if (c != 0) return c > 0;
        if (p.sourceIndex() != source[row]) return p.sourceIndex() > source[row];
        return p.line() > line[row];
    }

    private void put(int row, ParsedRequest p) {
        rows.set(row, new ServiceRequest(p.requestId(), p.requestType(), p.subrequestType(),
                p.additionalSubrequestType(), p.status(), false, p.openedAt(), p.closedAt(), p.origin(), p.address(),
                p.city(), p.zipCode(), p.latitude(), p.longitude(), p.districtId(), p.located()));
        if (row == source.length) {
            source = Arrays.copyOf(source, row * 2);
            line = Arrays.copyOf(line, row * 2);
            notes = Arrays.copyOf(notes, row * 2);
        }
        source[row] = p.sourceIndex();
        line[row] = p.line();
        notes[row] = p.notes();
    }

    private int slotOf(String id) {
        int mask = table.length - 1;
        int slot = mix(id.hashCode()) & mask;
        while (table[slot] != 0 && !rows.requestId(table[slot] - 1).equals(id)) slot = (slot + 1) & mask;
        return slot;
    }

    private void rehash() {
        int[] old = table;
        table = new int[old.length * 2];
        int mask = table.length - 1;
        for (int entry : old) {
            if (entry == 0) continue;
            int slot = mix(rows.requestId(entry - 1).hashCode()) & mask;
            while (table[slot] != 0) slot = (slot + 1) & mask;
            table[slot] = entry;
        }
    }

    private static int mix(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    /** Row r as recorded (open is not yet resolved). */
    ServiceRequest get(int r) {
        return rows.get(r);
    }

    Instant openedAt(int r) {
        return rows.openedAt(r);
    }

    /** Orders rows by open time, then request id (the snapshot's order). */
    int compareOrder(int a, int b) {
        int c = rows.compareOpened(a, b);
        return c != 0 ? c : rows.requestId(a).compareTo(rows.requestId(b));
    }

    int notes(int r) {
        return notes[r];
    }
}
