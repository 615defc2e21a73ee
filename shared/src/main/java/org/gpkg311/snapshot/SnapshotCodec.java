package org.gpkg311.snapshot;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

import org.gpkg311.model.District;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * The snapshot's compact, versioned binary form, written once by the preparing step and read by every
 * generator. Layout: 8 magic bytes {@code GPK311SN}, the format version (int, uncompressed so that an old
 * reader can refuse a new file with a clear message), then a gzip stream of a {@link DataOutputStream}:
 * header, window, districts (geometry as WKB), the {@link RequestColumns} one after the other (text columns
 * through their dictionaries; open times as deltas in the sorted order), quality report and an end marker.
 * Both directions stream: the writer goes from the columns to the stream and the reader from the stream
 * into the columns, with no whole-file buffer and no object per request.
 */
public final class SnapshotCodec {

    private static final byte[] MAGIC = "GPK311SN".getBytes(StandardCharsets.US_ASCII);
    private static final int END_MARKER = 0x5EA1_0D0E;

    private SnapshotCodec() {}

    public static void write(Snapshot s, OutputStream out) throws IOException {
        DataOutputStream head = new DataOutputStream(out);
        head.write(MAGIC);
        head.writeInt(Snapshot.FORMAT_VERSION);
        head.flush();
        // Fastest deflate level: the snapshot is written once per run and read by every generator, so
        // writing time counts more than the last 15% of size.
        GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        };
        DataOutputStream o = new DataOutputStream(new BufferedOutputStream(gz, 1 << 16));
        writeString(o, s.runId());
        writeString(o, s.cityName());
        Window w = s.window();
        o.writeUTF(w.zone().getId());
        o.writeLong(w.startDate().toEpochDay());
        o.writeLong(w.endDate().toEpochDay());
        writeInstant(o, w.asOf());
        writeDistricts(o, s.districts());
        writeRequests(o, s.columns());
        writeQuality(o, s.quality());
        o.writeInt(END_MARKER);
        o.flush();
        gz.finish();
        out.flush();
    }

    public static Snapshot read(InputStream in) throws IOException {
        DataInputStream head = new DataInputStream(in);
        byte[] magic = new byte[MAGIC.length];
        try {
            head.readFully(magic);
        } catch (EOFException e) {
            throw new SnapshotFormatException("not a gpkg311 snapshot: the stream is shorter than its header");
        }
        if (!Arrays.equals(magic, MAGIC)) throw new SnapshotFormatException("not a gpkg311 snapshot (wrong magic bytes)");
        int version;
        try {
            version = head.readInt();
        } catch (EOFException e) {
            throw new SnapshotFormatException("gpkg311 snapshot header is truncated");
        }
        if (version != Snapshot.FORMAT_VERSION) {
            throw new SnapshotFormatException("snapshot format version " + version + " cannot be read by this build (it reads version "
                    + Snapshot.FORMAT_VERSION + "); prepare the snapshot again with this build");
        }
        try {
            DataInputStream i = new DataInputStream(new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16));
            String runId = readString(i);
            String city = readString(i);
            ZoneId zone = ZoneId.of(i.readUTF());
            LocalDate start = LocalDate.ofEpochDay(i.readLong());
            LocalDate end = LocalDate.ofEpochDay(i.readLong());
            Instant asOf = readInstant(i);
            Window window = new Window(zone, start, end, asOf);
            List<District> districts = readDistricts(i);
            RequestColumns requests = readRequests(i);
            QualityReport quality = readQuality(i);
            if (i.readInt() != END_MARKER) throw new SnapshotFormatException("snapshot is corrupt (end marker missing)");
            // Reading on to the end makes GZIPInputStream check the trailer's CRC-32 and length.
            if (i.read() != -1) throw new SnapshotFormatException("snapshot is corrupt (data after the end marker)");
            return new Snapshot(runId, city, window, districts, requests, quality);
        } catch (SnapshotFormatException e) {
            throw e;
        } catch (EOFException | ZipException e) {
            throw new SnapshotFormatException("snapshot is truncated or corrupt (" + e.getMessage() + ")", e);
        } catch (RuntimeException e) {
            throw new SnapshotFormatException("snapshot is corrupt (" + e + ")", e);
        }
    }

    // ---- districts -------------------------------------------------------------------------------

    private static void writeDistricts(DataOutputStream o, List<District> ds) throws IOException {
        WKBWriter wkb = new WKBWriter(2);
        o.writeInt(ds.size());
        for (District d : ds) {
            o.writeInt(d.id());
            writeString(o, d.name());
            writeString(o, d.representative());
            o.writeInt(d.geometry().getSRID());
            byte[] g = wkb.write(d.geometry());
            o.writeInt(g.length);
            o.write(g);
            o.writeDouble(d.areaSqKm());
            o.writeDouble(d.centroidLon());
            o.writeDouble(d.centroidLat());
        }
    }

    private static List<District> readDistricts(DataInputStream i) throws IOException {
        int n = count(i);
        List<District> out = new ArrayList<>(n);
        Map<Integer, WKBReader> readers = new HashMap<>();
        for (int k = 0; k < n; k++) {
            int id = i.readInt();
            String name = readString(i), rep = readString(i);
            int srid = i.readInt();
            byte[] g = new byte[count(i)];
            i.readFully(g);
            Geometry geom;
            try {
                geom = readers.computeIfAbsent(srid, s -> new WKBReader(new GeometryFactory(new PrecisionModel(), s))).read(g);
            } catch (ParseException e) {
                throw new SnapshotFormatException("snapshot is corrupt (district " + id + " geometry: " + e.getMessage() + ")", e);
            }
            if (!(geom instanceof MultiPolygon mp)) {
                throw new SnapshotFormatException("snapshot is corrupt (district " + id + " is a " + geom.getGeometryType() + ")");
            }
            out.add(new District(id, name, rep, mp, i.readDouble(), i.readDouble(), i.readDouble()));
        }
        return out;
    }

    // ---- requests, column by column --------------------------------------------------------------

    private static final int TEXT_COLUMNS = 8;

    /**
     * The columns one after the other, straight from the arrays: n, the request ids, the eight dictionary
     * columns, open times (millisecond deltas in the sorted order), close times (0 = none, else 1 + zig-zag
     * delta from the open time), the sub-millisecond nanoseconds when present, lat, lon, district ids, flags.
     */
    private static void writeRequests(DataOutputStream o, RequestColumns c) throws IOException {
        int n = c.size();
        o.writeInt(n);
        for (String id : c.requestIds()) writeRawString(o, id);
        for (DictionaryColumn d : c.textColumns()) writeDictionaryColumn(o, d);
        long[] opened = c.openedAtMillis(), closed = c.closedAtMillis();
        long previous = 0;
        for (long t : opened) {
            writeVarLong(o, t - previous);
            previous = t;
        }
        for (int r = 0; r < n; r++) {
            writeUnsigned(o, closed[r] == RequestColumns.NO_TIME ? 0 : zigZag(closed[r] - opened[r]) + 1);
        }
        writeOptionalInts(o, c.openedAtNanos());
        writeOptionalInts(o, c.closedAtNanos());
        for (double v : c.latitudes()) o.writeDouble(v);
        for (double v : c.longitudes()) o.writeDouble(v);
        for (int d : c.districtIds()) writeVarLong(o, d);
        o.write(c.flags());
    }

    private static RequestColumns readRequests(DataInputStream i) throws IOException {
        int n = count(i);
        String[] ids = new String[n];
        for (int r = 0; r < n; r++) ids[r] = readRawString(i);
        DictionaryColumn[] text = new DictionaryColumn[TEXT_COLUMNS];
        for (int k = 0; k < text.length; k++) text[k] = readDictionaryColumn(i, n);
        long[] opened = new long[n], closed = new long[n];
        long t = 0;
        for (int r = 0; r < n; r++) opened[r] = t += readVarLong(i);
        for (int r = 0; r < n; r++) {
            long z = readUnsigned(i);
            closed[r] = z == 0 ? RequestColumns.NO_TIME : opened[r] + unZigZag(z - 1);
        }
        int[] openedNanos = readOptionalInts(i, n), closedNanos = readOptionalInts(i, n);
        double[] lat = new double[n], lon = new double[n];
        for (int r = 0; r < n; r++) lat[r] = i.readDouble();
        for (int r = 0; r < n; r++) lon[r] = i.readDouble();
        int[] district = new int[n];
        for (int r = 0; r < n; r++) district[r] = Math.toIntExact(readVarLong(i));
        byte[] flags = new byte[n];
        i.readFully(flags);
        return new RequestColumns(ids, text, opened, openedNanos, closed, closedNanos, lat, lon, district, flags);
    }

    /** The distinct values (code 0 = null is implied), then one code per row. */
    private static void writeDictionaryColumn(DataOutputStream o, DictionaryColumn d) throws IOException {
        o.writeInt(d.codeCount() - 1);
        for (int k = 1; k < d.codeCount(); k++) writeRawString(o, d.value(k));
        for (int r = 0; r < d.size(); r++) writeUnsigned(o, d.code(r));
    }

    private static DictionaryColumn readDictionaryColumn(DataInputStream i, int n) throws IOException {
        int size = count(i);
        String[] dict = new String[size + 1];
        for (int k = 1; k <= size; k++) dict[k] = readRawString(i);
        int[] codes = new int[n];
        for (int r = 0; r < n; r++) {
            long c = readUnsigned(i);
            if (c < 0 || c > size) throw new SnapshotFormatException("snapshot is corrupt (dictionary code " + c + " of " + size + ")");
            codes[r] = (int) c;
        }
        return new DictionaryColumn(codes, dict);
    }

    /** A presence byte, then the values (nanoseconds within a millisecond) when present. */
    private static void writeOptionalInts(DataOutputStream o, int[] values) throws IOException {
        o.writeBoolean(values != null);
        if (values != null) for (int v : values) writeUnsigned(o, v);
    }

    private static int[] readOptionalInts(DataInputStream i, int n) throws IOException {
        if (!i.readBoolean()) return null;
        int[] out = new int[n];
        for (int r = 0; r < n; r++) {
            long v = readUnsigned(i);
            if (v < 0 || v >= 1_000_000) throw new SnapshotFormatException("snapshot is corrupt (sub-millisecond " + v + ")");
            out[r] = (int) v;
        }
        return out;
    }

    // ---- quality report --------------------------------------------------------------------------

    private static void writeQuality(DataOutputStream o, QualityReport q) throws IOException {
        o.writeInt(q.sources().size());
        for (String s : q.sources()) writeRawString(o, s);
        o.writeLong(q.rowsRead());
        o.writeLong(q.rowsAccepted());
        o.writeLong(q.rowsOutsideWindow());
        writeCounts(o, q.rejectedByReason());
        writeCounts(o, q.notes());
    }

    private static QualityReport readQuality(DataInputStream i) throws IOException {
        int n = count(i);
        List<String> sources = new ArrayList<>(n);
        for (int k = 0; k < n; k++) sources.add(readRawString(i));
        long read = i.readLong(), accepted = i.readLong(), outside = i.readLong();
        return new QualityReport(sources, read, accepted, outside, readCounts(i), readCounts(i));
    }

    private static void writeCounts(DataOutputStream o, Map<String, Long> m) throws IOException {
        o.writeInt(m.size());
        for (var e : m.entrySet()) {
            writeRawString(o, e.getKey());
            o.writeLong(e.getValue());
        }
    }

    private static Map<String, Long> readCounts(DataInputStream i) throws IOException {
        int n = count(i);
        Map<String, Long> m = new LinkedHashMap<>();
        for (int k = 0; k < n; k++) m.put(readRawString(i), i.readLong());
        return m;
    }

    // ---- primitives ------------------------------------------------------------------------------

    private static int count(DataInputStream i) throws IOException {
        int n = i.readInt();
        if (n < 0 || n > 200_000_000) throw new SnapshotFormatException("snapshot is corrupt (count " + n + ")");
        return n;
    }

    private static void writeInstant(DataOutputStream o, Instant t) throws IOException {
        o.writeLong(t.getEpochSecond());
        o.writeInt(t.getNano());
    }

    private static Instant readInstant(DataInputStream i) throws IOException {
        return Instant.ofEpochSecond(i.readLong(), i.readInt());
    }

    /** A nullable string (writeUTF is limited to 64 KB, so strings are length-prefixed UTF-8). */
    private static void writeString(DataOutputStream o, String s) throws IOException {
        o.writeBoolean(s != null);
        if (s != null) writeRawString(o, s);
    }

    private static String readString(DataInputStream i) throws IOException {
        return i.readBoolean() ? readRawString(i) : null;
    }

    private static void writeRawString(DataOutputStream o, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        writeVarLong(o, b.length);
        o.write(b);
    }

    private static String readRawString(DataInputStream i) throws IOException {
        long len = readVarLong(i);
        if (len < 0 || len > 64 << 20) throw new SnapshotFormatException("snapshot is corrupt (string length " + len + ")");
        byte[] b = new byte[(int) len];
        i.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    /** Zig-zag varint: small magnitudes (deltas, codes) take one or two bytes. */
    private static void writeVarLong(DataOutputStream o, long v) throws IOException {
        writeUnsigned(o, zigZag(v));
    }

    private static long readVarLong(DataInputStream i) throws IOException {
        return unZigZag(readUnsigned(i));
    }

    private static long zigZag(long v) {
        return (v << 1) ^ (v >> 63);
    }

    private static long unZigZag(long z) {
        return (z >>> 1) ^ -(z & 1);
    }

    /** 7 bits a byte, low bits first; the high bit says that more bytes follow. */
    private static void writeUnsigned(DataOutputStream o, long z) throws IOException {
        while ((z & ~0x7FL) != 0) {
            o.writeByte((int) ((z & 0x7F) | 0x80));
            z >>>= 7;
        }
        o.writeByte((int) z);
    }

    private static long readUnsigned(DataInputStream i) throws IOException {
        long z = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = i.readUnsignedByte();
            z |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) return z;
        }
        throw new SnapshotFormatException("snapshot is corrupt (varint too long)");
    }
}
