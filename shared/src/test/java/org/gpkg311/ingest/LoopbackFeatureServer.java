package org.gpkg311.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A faithful ArcGIS FeatureServer layer on 127.0.0.1 for tests and benchmarks: the layer description
 * ({@code ?f=json}, {@code maxRecordCount}), and {@code /query} with a standardized-SQL date {@code where}
 * ({@code Date_Time_Opened >= TIMESTAMP 'YYYY-MM-DD HH:MM:SS'}, anything else is refused as ArcGIS does:
 * HTTP 200 with an error body), {@code returnCountOnly}, {@code orderByFields=OBJECTID ASC},
 * {@code resultOffset}, {@code resultRecordCount} (capped at maxRecordCount), {@code exceededTransferLimit},
 * {@code f=json}, and gzip when asked for. Rows are Nashville's real field names with seeded values,
 * generated into arrays at start and rendered per page, so 50,000 rows cost milliseconds.
 *
 * <p>Faults, by page number (1 = offset 0): a status for the first n requests of a page or for all, a
 * connection closed in the middle of the body, an answer later than the client waits, a page whose JSON is
 * cut in the middle, an error body, and a count that is off.
 */
public final class LoopbackFeatureServer implements AutoCloseable {

    public static final String SERVICE_PATH = "/HdTo6HJqh92wn4D8/arcgis/rest/services/hubNashville_(311)_Service_Requests_1/FeatureServer/0";
    private static final Pattern WHERE = Pattern.compile(
            "\\s*Date_Time_Opened\\s*>=\\s*TIMESTAMP\\s*'(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2})'\\s*");
    private static final DateTimeFormatter SQL_TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private static final String[][] TYPES = {
            {"Trash, Recycling & Litter", "Missed Pickup - Trash Cart Service"},
            {"Streets, Roads & Sidewalks", "Potholes"},
            {"Property Violations", "Tall Grass and Weeds"},
            {"Public Safety", "Abandoned Vehicles"},
            {"Streets, Roads & Sidewalks", "Traffic Light Issue"},
            {"Resolved by hubNashville on First Call", "General Information"},
    };
    private static final String[] STATUSES = {"Closed", "Closed", "Closed", "New", "In Progress"};
    private static final String[] ORIGINS = {"hubNashville Community", "Phone", "Mobile App"};

    private final HttpServer server;
    private final ExecutorService executor;
    private final int maxRecordCount;
    private final long[] opened;
    private final long[] closed;
    private final double[] lon, lat;
    private final byte[] type, status, origin;
    private final int[] district;
    private final Map<Integer, Fault> faults = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicInteger> pageRequests = new ConcurrentHashMap<>();
    private volatile long countDelta;

    private record Fault(Kind kind, int status, int times, AtomicInteger seen) {}

    private enum Kind { STATUS, TRUNCATE, ERROR_BODY, RESET, STALL }

    private LoopbackFeatureServer(int rows, long seed, Instant firstOpened, Instant lastOpened, int maxRecordCount) throws IOException {
        this.maxRecordCount = maxRecordCount;
        opened = new long[rows];
        closed = new long[rows];
        lon = new double[rows];
        lat = new double[rows];
        type = new byte[rows];
        status = new byte[rows];
        origin = new byte[rows];
        district = new int[rows];
        SplittableRandom r = new SplittableRandom(seed);
        long t0 = firstOpened.toEpochMilli(), span = lastOpened.toEpochMilli() - t0;
        for (int i = 0; i < rows; i++) {
            // Open times rise with OBJECTID, as the city's do, but one row in 20 is an older case entered late:
            // the date filter is not a suffix of the object ids.
            long base = t0 + (long) ((double) span * i / Math.max(1, rows - 1));
            opened[i] = r.nextInt(20) == 0 ? Math.max(t0, base - r.nextLong(30L * 86_400_000L)) : base;
            status[i] = (byte) r.nextInt(STATUSES.length);
            closed[i] = status[i] < 3 ? opened[i] + r.nextLong(10L * 86_400_000L) : Long.MIN_VALUE;
            lon[i] = -86.95 + r.nextDouble() * 0.35;
            lat[i] = 36.02 + r.nextDouble() * 0.25;
            type[i] = (byte) r.nextInt(TYPES.length);
            origin[i] = (byte) r.nextInt(ORIGINS.length);
            district[i] = 1 + r.nextInt(35);
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        executor = Executors.newFixedThreadPool(4);
        server.setExecutor(executor);
        server.createContext(SERVICE_PATH, this::handle);
        server.start();
    }

    /** {@code rows} seeded rows opened evenly (plus late entries) from {@code firstOpened} to {@code lastOpened}. */
    public static LoopbackFeatureServer start(int rows, long seed, Instant firstOpened, Instant lastOpened, int maxRecordCount)
            throws IOException {
        return new LoopbackFeatureServer(rows, seed, firstOpened, lastOpened, maxRecordCount);
    }

    public String layerUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + SERVICE_PATH;
    }

    /** Rows opened at or after {@code from}, counted by a plain scan (the test's independent expectation). */
    public long rowsOpenedSince(Instant from) {
        long n = 0;
        for (long t : opened) if (t >= from.toEpochMilli()) n++;
        return n;
    }

    /** The Request__ values of the rows opened at or after {@code from}. */
    public java.util.Set<String> requestIdsOpenedSince(Instant from) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < opened.length; i++) if (opened[i] >= from.toEpochMilli()) ids.add(requestId(i));
        return ids;
    }

    public void failPage(int page, int status, int times) {
        faults.put(page, new Fault(Kind.STATUS, status, times, new AtomicInteger()));
    }

    public void truncatePage(int page) {
        faults.put(page, new Fault(Kind.TRUNCATE, 200, Integer.MAX_VALUE, new AtomicInteger()));
    }

    public void errorBodyOnPage(int page) {
        faults.put(page, new Fault(Kind.ERROR_BODY, 200, Integer.MAX_VALUE, new AtomicInteger()));
    }

    /** The first {@code times} answers of the page announce the whole body, send half of it and close the connection. */
    public void resetPage(int page, int times) {
        faults.put(page, new Fault(Kind.RESET, 200, times, new AtomicInteger()));
    }

    /** The first {@code times} answers of the page come after {@code millis} (longer than the client waits). */
    public void stallPage(int page, int times, int millis) {
        faults.put(page, new Fault(Kind.STALL, millis, times, new AtomicInteger()));
    }

    public void countOffBy(long delta) {
        countDelta = delta;
    }

    /** How many times page {@code page} was asked for. */
    public int requestsOfPage(int page) {
        AtomicInteger n = pageRequests.get(page);
        return n == null ? 0 : n.get();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getRawPath();
            Map<String, String> q = params(ex.getRequestURI().getRawQuery());
            if (!"json".equals(q.get("f"))) {
                send(ex, 400, "{\"error\":{\"code\":400,\"message\":\"Invalid or missing input parameters.\",\"details\":[\"f\"]}}");
            } else if (path.endsWith("/FeatureServer/0")) {
                send(ex, 200, layerDescription());
            } else if (path.endsWith("/FeatureServer/0/query")) {
                query(ex, q);
            } else {
                send(ex, 404, "{\"error\":{\"code\":404,\"message\":\"Not found\"}}");
            }
        }
    }

    private void query(HttpExchange ex, Map<String, String> q) throws IOException {
        Matcher m = WHERE.matcher(q.getOrDefault("where", ""));
        if (!m.matches()) {
            send(ex, 200, "{\"error\":{\"code\":400,\"message\":\"Unable to complete operation.\",\"details\":[\"Invalid query\"]}}");
            return;
        }
        long from = LocalDateTime.parse(m.group(1), SQL_TIMESTAMP).toInstant(ZoneOffset.UTC).toEpochMilli();
        int[] match = matching(from);
        if ("true".equals(q.get("returnCountOnly"))) {
            send(ex, 200, "{\"count\":" + (match.length + countDelta) + "}");
            return;
        }
        if (!"OBJECTID ASC".equals(q.get("orderByFields")) || !"4326".equals(q.get("outSR")) || !"*".equals(q.get("outFields"))) {
            send(ex, 200, "{\"error\":{\"code\":400,\"message\":\"this test server serves only orderByFields=OBJECTID ASC, outSR=4326, outFields=*\"}}");
            return;
        }
        int offset = Integer.parseInt(q.getOrDefault("resultOffset", "0"));
        int size = Math.min(maxRecordCount, Integer.parseInt(q.getOrDefault("resultRecordCount", "" + maxRecordCount)));
        int page = offset / size + 1;
        pageRequests.computeIfAbsent(page, p -> new AtomicInteger()).incrementAndGet();
        Fault fault = faults.get(page);
        if (fault != null && fault.seen().incrementAndGet() <= fault.times()) {
            switch (fault.kind()) {
                case STATUS -> {
                    send(ex, fault.status(), "<html><body>Service Unavailable</body></html>");
                    return;
                }
                case ERROR_BODY -> {
                    send(ex, 200, "{\"error\":{\"code\":500,\"message\":\"Error performing query operation\",\"details\":[]}}");
                    return;
                }
                case RESET -> {
                    byte[] body = page(match, offset, size).getBytes(StandardCharsets.UTF_8);
                    ex.sendResponseHeaders(200, body.length);
                    OutputStream out = ex.getResponseBody();
                    out.write(body, 0, body.length / 2);
                    out.flush();
                    return;
                }
                case STALL -> {
                    try {
                        Thread.sleep(fault.status());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    send(ex, 200, page(match, offset, size));
                    return;
                }
                case TRUNCATE -> {
                    String body = page(match, offset, size);
                    send(ex, 200, body.substring(0, body.length() / 2));
                    return;
                }
            }
        }
        send(ex, 200, page(match, offset, size));
    }

    private final Map<Long, int[]> matchCache = new ConcurrentHashMap<>();

    private int[] matching(long from) {
        return matchCache.computeIfAbsent(from, f -> {
            int[] out = new int[opened.length];
            int n = 0;
            for (int i = 0; i < opened.length; i++) if (opened[i] >= f) out[n++] = i;
            return java.util.Arrays.copyOf(out, n);
        });
    }

    private String page(int[] match, int offset, int size) {
        int end = Math.min(match.length, offset + size);
        StringBuilder b = new StringBuilder(Math.max(0, end - offset) * 700 + 400);
        b.append("{\"objectIdFieldName\":\"OBJECTID\",\"uniqueIdField\":{\"name\":\"OBJECTID\",\"isSystemMaintained\":true},")
                .append("\"globalIdFieldName\":\"GlobalID\",\"geometryType\":\"esriGeometryPoint\",")
                .append("\"spatialReference\":{\"wkid\":4326,\"latestWkid\":4326},\"fields\":[],\"features\":[");
        for (int k = offset; k < end; k++) {
            int i = match[k];
            if (k > offset) b.append(',');
            b.append("{\"attributes\":{\"OBJECTID\":").append(i + 1)
                    .append(",\"GlobalID\":\"").append(String.format(Locale.ROOT, "%08x-0000-4000-8000-%012x", i, (long) i * 7919)).append('"')
                    .append(",\"Request__\":\"").append(requestId(i)).append('"')
                    .append(",\"Status\":\"").append(STATUSES[status[i]]).append('"')
                    .append(",\"Request_Type\":\"").append(TYPES[type[i]][0]).append('"')
                    .append(",\"Subrequest_Type\":\"").append(TYPES[type[i]][1]).append('"')
                    .append(",\"Additional_Subrequest_Type\":null")
                    .append(",\"Date_Time_Opened\":").append(opened[i])
                    .append(",\"Date_Time_Closed\":").append(closed[i] == Long.MIN_VALUE ? "null" : Long.toString(closed[i]))
                    .append(",\"Address\":\"").append(100 + i % 900).append(" Broadway, Nashville, TN 37203, USA\"")
                    .append(",\"City\":\"NASHVILLE\",\"ZIP\":\"37203\"")
                    .append(",\"Council_District\":").append(district[i]).append(".0")
                    .append(",\"Latitude\":").append(lat[i]).append(",\"Longitude\":").append(lon[i])
                    .append(",\"Request_Origin\":\"").append(ORIGINS[origin[i]]).append("\"},")
                    .append("\"geometry\":{\"x\":").append(lon[i]).append(",\"y\":").append(lat[i]).append("}}");
        }
        b.append(']');
        if (end < match.length) b.append(",\"exceededTransferLimit\":true");
        return b.append('}').toString();
    }

    private static String requestId(int i) {
        return Integer.toString(2_000_000 + i);
    }

    private String layerDescription() {
        return "{\"currentVersion\":11.3,\"id\":0,\"name\":\"hubNashville (311) Service Requests\",\"type\":\"Feature Layer\","
                + "\"geometryType\":\"esriGeometryPoint\",\"objectIdField\":\"OBJECTID\",\"globalIdField\":\"GlobalID\","
                + "\"maxRecordCount\":" + maxRecordCount + ",\"standardMaxRecordCount\":32000,"
                + "\"supportsPagination\":true,\"dateFieldsTimeReference\":{\"timeZone\":\"UTC\"},"
                + "\"extent\":{\"spatialReference\":{\"wkid\":4326}},"
                + "\"fields\":[{\"name\":\"OBJECTID\",\"type\":\"esriFieldTypeOID\"},{\"name\":\"Date_Time_Opened\",\"type\":\"esriFieldTypeDate\"},"
                + "{\"name\":\"Council_District\",\"type\":\"esriFieldTypeDouble\"}]}";
    }

    private static Map<String, String> params(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null) return out;
        for (String kv : raw.split("&")) {
            int eq = kv.indexOf('=');
            if (eq < 0) continue;
            out.put(URLDecoder.decode(kv.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String accept = ex.getRequestHeaders().getFirst("Accept-Encoding");
        if (accept != null && accept.contains("gzip")) {
            ByteArrayOutputStream z = new ByteArrayOutputStream(bytes.length / 4);
            try (GZIPOutputStream g = new GZIPOutputStream(z)) {
                g.write(bytes);
            }
            bytes = z.toByteArray();
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
        }
        ex.getResponseHeaders().set("Content-Type", status == 200 ? "application/json; charset=utf-8" : "text/html");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
