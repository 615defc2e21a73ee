package org.gpkg311.snapshot;

import java.time.Instant;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

import org.gpkg311.model.ServiceRequest;

/**
 * The snapshot's requests as columns: primitive arrays for times, coordinates, districts and flags,
 * dictionary codes for the repeated texts, one String per request id. About a quarter of the heap of one
 * {@link ServiceRequest} object per request (bench/scale.md). {@link #asList()} still gives the rows as
 * records, made on each {@code get}: short-lived objects are cheap, the retained heap is what counts.
 *
 * <p>Times are epoch milliseconds plus, only when some row needs it, the nanoseconds within the millisecond,
 * so every Instant comes back exactly. A missing close time is {@link #NO_TIME}.
 */
public final class RequestColumns {

    /** closedAtMillis of a request without a close time. */
    public static final long NO_TIME = Long.MIN_VALUE;

    private static final byte OPEN = 1, LOCATED = 2;

    /** One String per id, shared with whatever keeps a row's id (the request layers' rows do). */
    private final String[] requestId;
    private final DictionaryColumn requestType, subrequestType, additionalSubrequestType, status, origin, address,
            city, zipCode;
    private final long[] openedAtMillis, closedAtMillis;
    /** Nanoseconds within the millisecond, or null when every row has 0. */
    private final int[] openedAtNanos, closedAtNanos;
    private final double[] latitude, longitude;
    private final int[] districtId;
    private final byte[] flags;

    @SuppressWarnings("checkstyle:ParameterNumber")
    RequestColumns(String[] requestId, DictionaryColumn[] text, long[] openedAtMillis, int[] openedAtNanos,
                   long[] closedAtMillis, int[] closedAtNanos, double[] latitude, double[] longitude,
                   int[] districtId, byte[] flags) {
        this.requestId = requestId;
        this.requestType = text[0];
        this.subrequestType = text[1];
        this.additionalSubrequestType = text[2];
        this.status = text[3];
        this.origin = text[4];
        this.address = text[5];
        this.city = text[6];
        this.zipCode = text[7];
        this.openedAtMillis = openedAtMillis;
        this.openedAtNanos = openedAtNanos;
        this.closedAtMillis = closedAtMillis;
        this.closedAtNanos = closedAtNanos;
        this.latitude = latitude;
        this.longitude = longitude;
        this.districtId = districtId;
        this.flags = flags;
    }

    /** The columns of {@code rows}, in their order. */
    public static RequestColumns of(List<ServiceRequest> rows) {
        Builder b = new Builder(rows.size());
        for (ServiceRequest r : rows) b.add(r);
        return b.build();
    }

    public int size() {
        return requestId.length;
    }

    /** Request r as a record (a new object on every call). */
    public ServiceRequest get(int r) {
        return new ServiceRequest(requestId[r], requestType.get(r), subrequestType.get(r),
                additionalSubrequestType.get(r), status.get(r), open(r), openedAt(r), closedAt(r), origin.get(r),
                address.get(r), city.get(r), zipCode.get(r), latitude[r], longitude[r], districtId[r], located(r));
    }

    /** The rows as an unmodifiable list view; {@code get(i)} makes the record of row i. */
    public List<ServiceRequest> asList() {
        return new Rows();
    }

    public String requestId(int r) {
        return requestId[r];
    }

    /** The text columns in their serialised order: type, subtype, additional subtype, status, origin, address, city, zip. */
    DictionaryColumn[] textColumns() {
        return new DictionaryColumn[] {requestType, subrequestType, additionalSubrequestType, status, origin, address,
            city, zipCode};
    }

    public DictionaryColumn requestTypes() {
        return requestType;
    }

    public String status(int r) {
        return status.get(r);
    }

    public boolean open(int r) {
        return (flags[r] & OPEN) != 0;
    }

    public boolean located(int r) {
        return (flags[r] & LOCATED) != 0;
    }

    public long openedAtMillis(int r) {
        return openedAtMillis[r];
    }

    public Instant openedAt(int r) {
        return instant(openedAtMillis[r], openedAtNanos, r);
    }

    /** Epoch milliseconds of the close time, or {@link #NO_TIME}. */
    public long closedAtMillis(int r) {
        return closedAtMillis[r];
    }

    public Instant closedAt(int r) {
        return closedAtMillis[r] == NO_TIME ? null : instant(closedAtMillis[r], closedAtNanos, r);
    }

    public double latitude(int r) {
        return latitude[r];
    }

    public double longitude(int r) {
        return longitude[r];
    }

    public int districtId(int r) {
        return districtId[r];
    }

    long[] openedAtMillis() {
        return openedAtMillis;
    }

    long[] closedAtMillis() {
        return closedAtMillis;
    }

    int[] openedAtNanos() {
        return openedAtNanos;
    }

    int[] closedAtNanos() {
        return closedAtNanos;
    }

    double[] latitudes() {
        return latitude;
    }

    double[] longitudes() {
        return longitude;
    }

    int[] districtIds() {
        return districtId;
    }

    byte[] flags() {
        return flags;
    }

    String[] requestIds() {
        return requestId;
    }

    private static Instant instant(long millis, int[] nanos, int r) {
        Instant t = Instant.ofEpochMilli(millis);
        return nanos == null || nanos[r] == 0 ? t : t.plusNanos(nanos[r]);
    }

    static byte flags(boolean open, boolean located) {
        return (byte) ((open ? OPEN : 0) | (located ? LOCATED : 0));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RequestColumns c && Arrays.equals(requestId, c.requestId)
                && Arrays.equals(textColumns(), c.textColumns())
                && Arrays.equals(openedAtMillis, c.openedAtMillis) && Arrays.equals(openedAtNanos, c.openedAtNanos)
                && Arrays.equals(closedAtMillis, c.closedAtMillis) && Arrays.equals(closedAtNanos, c.closedAtNanos)
                && Arrays.equals(latitude, c.latitude) && Arrays.equals(longitude, c.longitude)
                && Arrays.equals(districtId, c.districtId) && Arrays.equals(flags, c.flags);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(requestId), Arrays.hashCode(openedAtMillis), Arrays.hashCode(latitude));
    }

    @Override
    public String toString() {
        return "RequestColumns[" + size() + " requests]";
    }

    private final class Rows extends AbstractList<ServiceRequest> implements RandomAccess {
        @Override
        public ServiceRequest get(int index) {
            Objects.checkIndex(index, size());
            return RequestColumns.this.get(index);
        }

        @Override
        public int size() {
            return RequestColumns.this.size();
        }
    }

    /**
     * Fills the columns row by row. {@link #set} may overwrite an earlier row (the snapshot builder keeps the
     * latest version of a request in its first row); a column set built in row order only is canonical.
     */
    public static final class Builder {
        private int size;
        private String[] requestId;
        private final DictionaryColumn.Builder[] text = new DictionaryColumn.Builder[8];
        private long[] openedMillis, closedMillis;
        private int[] openedNanos, closedNanos;
        private double[] lat, lon;
        private int[] district;
        private byte[] flags;

        public Builder(int capacity) {
            int c = Math.max(capacity, 16);
            requestId = new String[c];
            for (int k = 0; k < text.length; k++) text[k] = new DictionaryColumn.Builder(c);
            openedMillis = new long[c];
            closedMillis = new long[c];
            lat = new double[c];
            lon = new double[c];
            district = new int[c];
            flags = new byte[c];
        }

        public int size() {
            return size;
        }

        /** Appends a row; returns its index. */
        public int add(ServiceRequest q) {
            set(size, q);
            return size - 1;
        }

        /** Writes row r (r ≤ size; r = size appends). */
        public void set(int r, ServiceRequest q) {
            if (r > size) throw new IndexOutOfBoundsException(r);
            if (r == requestId.length) grow();
            if (r == size) size++;
            requestId[r] = q.requestId();
            String[] values = {q.requestType(), q.subrequestType(), q.additionalSubrequestType(), q.status(),
                q.origin(), q.address(), q.city(), q.zipCode()};
            for (int k = 0; k < text.length; k++) text[k].set(r, values[k]);
            openedMillis[r] = q.openedAt().toEpochMilli();
            openedNanos = nanos(openedNanos, r, q.openedAt());
            closedMillis[r] = q.closedAt() == null ? NO_TIME : q.closedAt().toEpochMilli();
            closedNanos = nanos(closedNanos, r, q.closedAt());
            lat[r] = q.latitude();
            lon[r] = q.longitude();
            district[r] = q.districtId();
            flags[r] = flags(q.open(), q.located());
        }

        String requestId(int r) {
            return requestId[r];
        }

        Instant openedAt(int r) {
            return instant(openedMillis[r], openedNanos, r);
        }

        Instant closedAt(int r) {
            return closedMillis[r] == NO_TIME ? null : instant(closedMillis[r], closedNanos, r);
        }

        /** Orders rows a and b by open time (as Instant.compareTo would, without making the Instants). */
        int compareOpened(int a, int b) {
            int c = Long.compare(openedMillis[a], openedMillis[b]);
            if (c != 0 || openedNanos == null) return c;
            return Integer.compare(openedNanos[a], openedNanos[b]);
        }

        /** Row r as a record. */
        ServiceRequest get(int r) {
            return new ServiceRequest(requestId[r], text[0].get(r), text[1].get(r), text[2].get(r), text[3].get(r),
                    (flags[r] & OPEN) != 0, openedAt(r), closedAt(r), text[4].get(r), text[5].get(r), text[6].get(r),
                    text[7].get(r), lat[r], lon[r], district[r], (flags[r] & LOCATED) != 0);
        }

        /** Nanoseconds within the millisecond of t into {@code column}, allocated at the first non-zero one. */
        private int[] nanos(int[] column, int r, Instant t) {
            int sub = t == null ? 0 : t.getNano() % 1_000_000;
            if (column == null && sub == 0) return null;
            if (column == null) column = new int[requestId.length];
            column[r] = sub;
            return column;
        }

        private void grow() {
            int c = requestId.length * 2;
            requestId = Arrays.copyOf(requestId, c);
            openedMillis = Arrays.copyOf(openedMillis, c);
            closedMillis = Arrays.copyOf(closedMillis, c);
            if (openedNanos != null) openedNanos = Arrays.copyOf(openedNanos, c);
            if (closedNanos != null) closedNanos = Arrays.copyOf(closedNanos, c);
            lat = Arrays.copyOf(lat, c);
            lon = Arrays.copyOf(lon, c);
            district = Arrays.copyOf(district, c);
            flags = Arrays.copyOf(flags, c);
        }

        public RequestColumns build() {
            DictionaryColumn[] columns = new DictionaryColumn[text.length];
            for (int k = 0; k < text.length; k++) columns[k] = text[k].build(size);
            return new RequestColumns(requestId.length == size ? requestId : Arrays.copyOf(requestId, size), columns, trim(openedMillis),
                    openedNanos == null ? null : trim(openedNanos), trim(closedMillis),
                    closedNanos == null ? null : trim(closedNanos), trim(lat), trim(lon), trim(district), trim(flags));
        }

        // A builder made with the exact capacity hands its arrays over instead of copying them.
        private long[] trim(long[] a) {
            return a.length == size ? a : Arrays.copyOf(a, size);
        }

        private int[] trim(int[] a) {
            return a.length == size ? a : Arrays.copyOf(a, size);
        }

        private double[] trim(double[] a) {
            return a.length == size ? a : Arrays.copyOf(a, size);
        }

        private byte[] trim(byte[] a) {
            return a.length == size ? a : Arrays.copyOf(a, size);
        }
    }
}
