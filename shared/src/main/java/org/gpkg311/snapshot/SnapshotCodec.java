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
import java.util.function.Function;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

import org.gpkg311.model.District;
import org.gpkg311.model.ServiceRequest;
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
 * header, window, districts (geometry as WKB), requests column by column (text columns through a
 * per-column dictionary; open times as deltas in the sorted order), quality report and an end marker.
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
        writeRequests(o, s.requests());
        writeQuality(o, s.quality());
        o.writeInt(END_MARKER);
        o.flush();
        gz.finish();
        out.flush();
    }

    public static byte[] toBytes(Snapshot s) {
        var bytes = new java.io.ByteArrayOutputStream();
        try {
            write(s, bytes);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toByteArray();
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
            List<ServiceRequest> requests = readRequests(i);
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

    private static final List<Function<ServiceRequest, String>> TEXT_COLUMNS = List.of(
            ServiceRequest::requestId, ServiceRequest::requestType, ServiceRequest::subrequestType,
            ServiceRequest::additionalSubrequestType, ServiceRequest::status, ServiceRequest::origin,
            ServiceRequest::address, ServiceRequest::city, ServiceRequest::zipCode);

    private static void writeRequests(DataOutputStream o, List<ServiceRequest> rs) throws IOException {
        int n = rs.size();
        o.writeInt(n);
        for (Function<ServiceRequest, String> col : TEXT_COLUMNS) writeDictionaryColumn(o, rs, col);
        Instant previous = Instant.EPOCH;
        for (ServiceRequest r : rs) {           // sorted by openedAt: small deltas
            writeVarLong(o, r.openedAt().getEpochSecond() - previous.getEpochSecond());
            writeVarLong(o, r.openedAt().getNano());
            previous = r.openedAt();
        }
        for (ServiceRequest r : rs) {
            if (r.closedAt() == null) {
                writeVarLong(o, -1);
            } else {
                writeVarLong(o, r.closedAt().getEpochSecond() - r.openedAt().getEpochSecond());
                writeVarLong(o, r.closedAt().getNano());
            }
        }
        for (ServiceRequest r : rs) o.writeDouble(r.latitude());
        for (ServiceRequest r : rs) o.writeDouble(r.longitude());
        for (ServiceRequest r : rs) writeVarLong(o, r.districtId());
        for (ServiceRequest r : rs) o.writeByte((r.open() ? 1 : 0) | (r.located() ? 2 : 0));
    }

    private static List<ServiceRequest> readRequests(DataInputStream i) throws IOException {
        int n = count(i);
        String[][] text = new String[TEXT_COLUMNS.size()][];
        for (int c = 0; c < text.length; c++) text[c] = readDictionaryColumn(i, n);
        Instant[] opened = new Instant[n];
        long seconds = 0;
        for (int r = 0; r < n; r++) {
            seconds += readVarLong(i);
            opened[r] = Instant.ofEpochSecond(seconds, readVarLong(i));
        }
        Instant[] closed = new Instant[n];
        for (int r = 0; r < n; r++) {
            long d = readVarLong(i);
            if (d >= 0) closed[r] = Instant.ofEpochSecond(opened[r].getEpochSecond() + d, readVarLong(i));
            else if (d != -1) throw new SnapshotFormatException("snapshot is corrupt (close time of request " + r + ")");
        }
        double[] lat = new double[n], lon = new double[n];
        for (int r = 0; r < n; r++) lat[r] = i.readDouble();
        for (int r = 0; r < n; r++) lon[r] = i.readDouble();
        int[] district = new int[n];
        for (int r = 0; r < n; r++) district[r] = Math.toIntExact(readVarLong(i));
        List<ServiceRequest> out = new ArrayList<>(n);
        for (int r = 0; r < n; r++) {
            int flags = i.readByte();
            out.add(new ServiceRequest(text[0][r], text[1][r], text[2][r], text[3][r], text[4][r],
                    (flags & 1) != 0, opened[r], closed[r], text[5][r], text[6][r], text[7][r], text[8][r],
                    lat[r], lon[r], district[r], (flags & 2) != 0));
        }
        return out;
    }

    /** Distinct values (code 0 = null, 1.. = dictionary), then one code per row. */
    private static void writeDictionaryColumn(DataOutputStream o, List<ServiceRequest> rs,
                                              Function<ServiceRequest, String> col) throws IOException {
        Map<String, Integer> codes = new LinkedHashMap<>();
        int[] rowCodes = new int[rs.size()];
        for (int r = 0; r < rowCodes.length; r++) {
            String v = col.apply(rs.get(r));
            rowCodes[r] = v == null ? 0 : codes.computeIfAbsent(v, k -> codes.size() + 1);
        }
        o.writeInt(codes.size());
        for (String v : codes.keySet()) writeRawString(o, v);
        for (int c : rowCodes) writeVarLong(o, c);
    }

    private static String[] readDictionaryColumn(DataInputStream i, int n) throws IOException {
        int size = count(i);
        String[] dict = new String[size + 1];
        for (int k = 1; k <= size; k++) dict[k] = readRawString(i);
        String[] out = new String[n];
        for (int r = 0; r < n; r++) {
            long c = readVarLong(i);
            if (c < 0 || c > size) throw new SnapshotFormatException("snapshot is corrupt (dictionary code " + c + " of " + size + ")");
            out[r] = dict[(int) c];
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

    /** Zig-zag varint: small magnitudes (deltas, codes, -1) take one or two bytes. */
    private static void writeVarLong(DataOutputStream o, long v) throws IOException {
        long z = (v << 1) ^ (v >> 63);
        while ((z & ~0x7FL) != 0) {
            o.writeByte((int) ((z & 0x7F) | 0x80));
            z >>>= 7;
        }
        o.writeByte((int) z);
    }

    private static long readVarLong(DataInputStream i) throws IOException {
        long z = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = i.readUnsignedByte();
            z |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) return (z >>> 1) ^ -(z & 1);
        }
        throw new SnapshotFormatException("snapshot is corrupt (varint too long)");
    }
}
