package org.gpkg311.generator.common;

import java.lang.ref.WeakReference;
import java.util.Arrays;
import java.util.List;

import org.gpkg311.model.District;
import org.gpkg311.model.ServiceRequest;
import org.gpkg311.snapshot.Snapshot;
import org.gpkg311.table.Column;
import org.gpkg311.table.GeometryKind;
import org.gpkg311.table.Table;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * The {@code <name>Requests} layer: one POINT row per located request (coordinates inside a district),
 * base columns filled. {@link #rowOf(int)} maps a snapshot request index to its row.
 */
public final class RequestLayer {

    public static final List<Column> BASE_COLUMNS = List.of(
            Column.text("requestId", "Request Number", "The city's service request number."),
            Column.text("requestType", "Request Type", "Request type as the city records it."),
            Column.text("subrequestType", "Subrequest Type", "Subrequest type as the city records it."),
            Column.text("additionalSubrequestType", "Additional Subrequest Type", "Additional subrequest type as the city records it."),
            Column.text("status", "Status", "Status text as the city records it."),
            Column.bool("isOpen", "Open at As-Of", "True when the request was still open at the run's as-of instant."),
            Column.dateTime("openedAt", "Opened (UTC)", "When the request was opened, in UTC."),
            Column.dateTime("closedAt", "Closed (UTC)", "When the request was closed, in UTC; empty while open at the as-of instant."),
            Column.text("openedLocal", "Opened (Local Time)", "When the request was opened, in the city's local time with its UTC offset (ISO-8601)."),
            Column.date("openedLocalDate", "Opened Local Date", "The local date the request was opened (the day every daily series counts it on)."),
            Column.integer("openedLocalHour", "Opened Local Hour", "The local hour (0..23) the request was opened (the hour every hourly profile counts it in)."),
            Column.real("responseHours", "Response Time (hours)", "Hours from opening to closing, for closed requests; empty otherwise."),
            Column.real("daysSinceOpened", "Days Since Opened", "Days from opening to the run's as-of instant."),
            Column.text("origin", "Request Origin", "Channel through which the request came in (phone, app, web, …)."),
            Column.text("address", "Address", "Address as the city records it."),
            Column.text("city", "City", "City name as the city records it."),
            Column.text("zipCode", "ZIP Code", "ZIP code as the city records it."),
            Column.real("latitude", "Latitude", "Latitude of the request (WGS84)."),
            Column.real("longitude", "Longitude", "Longitude of the request (WGS84)."),
            Column.integer("districtId", "District", "Council district that contains the request's point."),
            Column.text("districtName", "District Name", "Name of the council district that contains the request's point."));

    /** ISO-8601 local time with its offset, seconds always written: 2025-08-24T19:28:15-05:00. */
    private static final java.time.format.DateTimeFormatter LOCAL_TEXT =
            java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");
    private static final GeometryFactory GEOMETRY = new GeometryFactory(new PrecisionModel(), 4326);

    private final Table table;
    private final int[] rowOfRequest;
    private final int[] districtOf;

    private RequestLayer(Table table, int[] rowOfRequest, int[] districtOf) {
        this.table = table;
        this.rowOfRequest = rowOfRequest;
        this.districtOf = districtOf;
    }

    public static String layerName(String generator) {
        return generator + "Requests";
    }

    /** Creates the layer with the base columns followed by {@code extra} (district context, then per-request fields). */
    public static RequestLayer create(String generator, String summary, Snapshot snapshot, List<Column> extra) {
        return named(layerName(generator), description(summary), snapshot, extra);
    }

    /** gpkg_contents.description of a request layer. */
    public static String description(String summary) {
        return summary + " One point per service request with coordinates.";
    }

    static RequestLayer named(String name, String description, Snapshot snapshot, List<Column> extra) {
        BaseRows base = BaseRows.of(snapshot);
        Table table = Table.extending(base.table, name, description, extra);
        return new RequestLayer(table, base.rowOfRequest, snapshot.requestDistrictIndexes());
    }

    /**
     * The base columns of every located request, computed once per snapshot as one layer that the eleven
     * layers of a run extend: formatting local times eleven times showed in profiles, and a writer of several
     * files copies the shared columns from one file instead of binding them again. The last snapshot's rows are
     * kept (a run has one snapshot); the layers only read them.
     */
    private static final class BaseRows {
        private static final Object LOCK = new Object();
        private static WeakReference<Snapshot> lastSnapshot = new WeakReference<>(null);
        private static BaseRows last;

        private final Table table;
        private final int[] rowOfRequest;

        private BaseRows(Table table, int[] rowOfRequest) {
            this.table = table;
            this.rowOfRequest = rowOfRequest;
        }

        static BaseRows of(Snapshot snapshot) {
            synchronized (LOCK) {
                if (lastSnapshot.get() != snapshot) {
                    last = compute(snapshot);
                    lastSnapshot = new WeakReference<>(snapshot);
                }
                return last;
            }
        }

        private static BaseRows compute(Snapshot snapshot) {
            List<ServiceRequest> requests = snapshot.requests();
            int[] districtOf = snapshot.requestDistrictIndexes();
            int[] rowOf = new int[requests.size()];
            Arrays.fill(rowOf, -1);
            Table table = new Table("requests", GeometryKind.POINT, "Located requests, base columns.", BASE_COLUMNS);
            var asOf = snapshot.window().asOf();
            for (int r = 0; r < requests.size(); r++) {
                ServiceRequest q = requests.get(r);
                if (!q.located()) continue;
                District d = snapshot.districts().get(districtOf[r]);
                java.time.ZonedDateTime local = snapshot.window().local(q.openedAt());
                int row = table.addRow(GEOMETRY.createPoint(new Coordinate(q.longitude(), q.latitude()))).index();
                rowOf[r] = row;
                // In the order of BASE_COLUMNS.
                Object[] values = {q.requestId(), q.requestType(), q.subrequestType(), q.additionalSubrequestType(),
                    q.status(), q.open(), q.openedAt(), q.closedAt(), LOCAL_TEXT.format(local), local.toLocalDate(),
                    local.getHour(), q.responseHours(), q.daysSinceOpened(asOf), q.origin(), q.address(), q.city(),
                    q.zipCode(), q.latitude(), q.longitude(), d.id(), d.name()};
                for (int c = 0; c < values.length; c++) table.set(row, c, values[c]);
            }
            return new BaseRows(table, rowOf);
        }
    }

    /** Requests of the snapshot (with or without a row). */
    public int requestCount() {
        return rowOfRequest.length;
    }

    public Table table() {
        return table;
    }

    /** Row of snapshot request r in the layer, or -1 when the request has no point in the layer. */
    public int rowOf(int requestIndex) {
        return rowOfRequest[requestIndex];
    }

    /** Row handle of snapshot request r, or null when it is not in the layer. */
    public Table.Row row(int requestIndex) {
        int row = rowOfRequest[requestIndex];
        return row < 0 ? null : table.row(row);
    }

    /** Index in {@code snapshot.districts()} of snapshot request r's district. */
    public int districtOf(int requestIndex) {
        return districtOf[requestIndex];
    }

    /**
     * Writes into {@code column} of every row the value its district has in {@code perDistrict}
     * (indexed like {@code snapshot.districts()}), so that a point's pop-up shows its district's result.
     */
    public RequestLayer districtContext(String column, Object[] perDistrict) {
        for (int r = 0; r < rowOfRequest.length; r++) {
            int row = rowOfRequest[r];
            if (row >= 0) table.row(row).set(column, perDistrict[districtOf[r]]);
        }
        return this;
    }

    /** Fills the per-request fields: {@code fill} gets every request that has a row, with that row. */
    public RequestLayer eachRow(RowFiller fill) {
        for (int r = 0; r < rowOfRequest.length; r++) {
            int row = rowOfRequest[r];
            if (row >= 0) fill.fill(r, table.row(row));
        }
        return this;
    }

    /** Fills one request's row; {@code request} is its index in {@code snapshot.requests()}. */
    @FunctionalInterface
    public interface RowFiller {
        void fill(int request, Table.Row row);
    }
}
