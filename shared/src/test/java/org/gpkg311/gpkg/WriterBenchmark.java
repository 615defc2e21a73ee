package org.gpkg311.gpkg;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.gpkg311.provenance.Provenance;
import org.gpkg311.table.Column;
import org.gpkg311.table.ColumnType;
import org.gpkg311.table.GeometryKind;
import org.gpkg311.table.Table;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * Not a test (surefire runs *Test only): times GeoPackageWriter on 50k random points with 30 columns plus
 * 35 multipolygons (5 warm runs), the same points through GDAL's ogr2ogr from a CSV, and 1M points once.
 * Prints a Markdown table. Run: see bench/writer.md.
 */
public final class WriterBenchmark {

    /** CPU time of the writing thread (SQLite runs in it): fairer than wall time on a shared, loaded machine. */
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();
    private static final GeometryFactory GF = new GeometryFactory(new PrecisionModel(), 4326);
    private static final String[] TYPES = {"Pothole", "Trash - Missed Pickup", "Streetlight Out", "Noise", "Abandoned Vehicle",
            "Sidewalk Repair", "Graffiti", "Tree Down", "Water Leak", "Illegal Dumping"};
    private static final String[] STATUS = {"Closed", "Open", "In Progress", "Resolved"};
    private static final String[] ORIGIN = {"Phone", "hubNashville App", "Web", "Email"};

    private WriterBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("writer-bench");
        int warmRuns = Arrays.asList(args).contains("--quick") ? 20 : 5;
        List<String> report = new ArrayList<>();
        Table districts = districts(35, 2000);
        Table points50k = points(50_000, 42);
        Provenance provenance = new Provenance().add("asOf", "2025-11-24T13:05:00Z", "Window end.");

        // warm-up (JIT, sqlite native library) then measured runs
        Path out = dir.resolve("bench.gpkg");
        for (int i = 0; i < 2; i++) GeoPackageWriter.write(out, "bench", List.of(districts, points50k), provenance);
        double[] ours = new double[warmRuns], oursCpu = new double[warmRuns];
        for (int i = 0; i < warmRuns; i++) {
            long c0 = CPU.getCurrentThreadCpuTime(), t0 = System.nanoTime();
            GeoPackageWriter.write(out, "bench", List.of(districts, points50k), provenance);
            ours[i] = (System.nanoTime() - t0) / 1e9;
            oursCpu[i] = (CPU.getCurrentThreadCpuTime() - c0) / 1e9;
        }
        long size50k = Files.size(out);
        long t0 = System.nanoTime();
        GeoPackageCheck.verify(out, List.of(districts, points50k));
        double verify50k = (System.nanoTime() - t0) / 1e9;
        report.add(row("GeoPackageWriter, 50k points × " + points50k.columns().size() + " columns + 35 multipolygons × 2000 vertices",
                ours, oursCpu, size50k));
        report.add("| GeoPackageCheck.verify of that file (integrity_check included) | " + fmt(verify50k) + " | | | |");

        if (Arrays.asList(args).contains("--quick")) { // profiling: our 50k write only
            report.forEach(System.out::println);
            return;
        }
        // ogr2ogr from a CSV of the same points and columns
        Path csv = dir.resolve("in.csv");
        writeCsv(points50k, csv);
        report.add(ogr2ogr(csv, dir.resolve("ogr.gpkg"), warmRuns, false));
        report.add(ogr2ogr(csv, dir.resolve("ogr-typed.gpkg"), warmRuns, true));

        if (Arrays.asList(args).contains("--skip-1m")) {
            report.forEach(System.out::println);
            return;
        }
        // 1M points once
        points50k = null;
        Table points1m = points(1_000_000, 7);
        Path big = dir.resolve("big.gpkg");
        long c0 = CPU.getCurrentThreadCpuTime();
        t0 = System.nanoTime();
        GeoPackageWriter.write(big, "bench", List.of(districts, points1m), provenance);
        double oneMillion = (System.nanoTime() - t0) / 1e9;
        double oneMillionCpu = (CPU.getCurrentThreadCpuTime() - c0) / 1e9;
        report.add(row("GeoPackageWriter, 1M points × 30 columns + 35 multipolygons (once)", new double[] {oneMillion},
                new double[] {oneMillionCpu}, Files.size(big)));
        t0 = System.nanoTime();
        GeoPackageCheck.verify(big, List.of(districts, points1m));
        report.add("| GeoPackageCheck.verify of the 1M file | " + fmt((System.nanoTime() - t0) / 1e9) + " | | | |");

        System.out.println("| Case | Wall time (s) | CPU time (s) | Wall runs (s) | File size |");
        System.out.println("|---|---|---|---|---|");
        report.forEach(System.out::println);
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) Files.delete(p);
        }
        Files.delete(dir);
    }

    private static String ogr2ogr(Path csv, Path gpkg, int runs, boolean typed) throws IOException, InterruptedException {
        Path cpu = gpkg.resolveSibling("cpu.txt");
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/time", "-f", "%U %S", "-o", cpu.toString(), "ogr2ogr", "-f", "GPKG", gpkg.toString(), csv.toString(),
                "-oo", "X_POSSIBLE_NAMES=lon", "-oo", "Y_POSSIBLE_NAMES=lat", "-a_srs", "EPSG:4326"));
        if (typed) cmd.addAll(List.of("-oo", "AUTODETECT_TYPE=YES"));
        double[] times = new double[runs], cpuTimes = new double[runs];
        for (int i = -1; i < runs; i++) { // one unmeasured run warms the page cache
            Files.deleteIfExists(gpkg);
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(cmd).inheritIO().start();
            if (p.waitFor() != 0) throw new IOException("ogr2ogr failed: " + cmd);
            if (i >= 0) {
                times[i] = (System.nanoTime() - t0) / 1e9;
                String[] userSys = Files.readString(cpu).strip().split("\\s+");
                cpuTimes[i] = Double.parseDouble(userSys[0]) + Double.parseDouble(userSys[1]);
            }
        }
        return row("ogr2ogr from CSV, same 50k points" + (typed ? ", AUTODETECT_TYPE=YES (typed columns)" : " (columns as text)"),
                times, cpuTimes, Files.size(gpkg));
    }

    private static String row(String label, double[] wall, double[] cpu, long bytes) {
        String runs = String.join(", ", Arrays.stream(wall).mapToObj(WriterBenchmark::fmt).toList());
        return "| " + label + " | " + fmt(median(wall)) + " | " + fmt(median(cpu)) + " | " + runs + " | "
                + String.format(Locale.ROOT, "%.1f MB", bytes / 1e6) + " |";
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String fmt(double seconds) {
        return String.format(Locale.ROOT, "%.3f", seconds);
    }

    /** 35 star-shaped polygons around Nashville, each with {@code vertices} vertices. */
    static Table districts(int n, int vertices) {
        Table t = new Table("benchDistricts", GeometryKind.MULTIPOLYGON, "Bench districts.", List.of(
                Column.integer("districtId", "District", "Id."), Column.text("districtName", "District Name", "Name."),
                Column.real("areaSqKm", "Area (km²)", "Area."), Column.integer("requestCount", "Requests", "Count.")));
        Random r = new Random(1);
        for (int d = 0; d < n; d++) {
            double cx = -86.9 + 0.4 * (d % 7) / 6, cy = 36.0 + 0.3 * (d / 7) / 4;
            Coordinate[] ring = new Coordinate[vertices + 1];
            for (int v = 0; v < vertices; v++) {
                double a = 2 * Math.PI * v / vertices, rad = 0.02 + 0.01 * r.nextDouble();
                ring[v] = new Coordinate(cx + rad * Math.cos(a), cy + rad * Math.sin(a));
            }
            ring[vertices] = ring[0];
            t.addRow(GF.createMultiPolygon(new Polygon[] {GF.createPolygon(ring)}))
                    .set("districtId", d + 1).set("districtName", "District " + (d + 1)).set("areaSqKm", 10 + r.nextDouble()).set("requestCount", 1000);
        }
        return t;
    }

    /** Random requests with the 18 base request columns plus 12 generator columns (30 in all). */
    static Table points(int n, long seed) {
        List<Column> cols = new ArrayList<>(List.of(
                Column.text("requestId", "Request Number", "d"), Column.text("requestType", "Request Type", "d"),
                Column.text("subrequestType", "Subrequest Type", "d"), Column.text("additionalSubrequestType", "Additional Subrequest Type", "d"),
                Column.text("status", "Status", "d"), Column.bool("isOpen", "Open", "d"), Column.dateTime("openedAt", "Opened", "d"),
                Column.dateTime("closedAt", "Closed", "d"), Column.real("responseHours", "Response Hours", "d"),
                Column.real("daysSinceOpened", "Days Since Opened", "d"), Column.text("origin", "Origin", "d"),
                Column.text("address", "Address", "d"), Column.text("city", "City", "d"), Column.text("zipCode", "ZIP", "d"),
                Column.real("latitude", "Latitude", "d"), Column.real("longitude", "Longitude", "d"),
                Column.integer("districtId", "District", "d"), Column.text("districtName", "District Name", "d")));
        for (int i = 0; i < 4; i++) {
            cols.add(Column.real("metric" + i, "Metric " + i, "d"));
            cols.add(Column.integer("rank" + i, "Rank " + i, "d"));
            cols.add(Column.text("label" + i, "Label " + i, "d"));
        }
        Table t = new Table("benchRequests", GeometryKind.POINT, "Bench requests.", cols);
        Random r = new Random(seed);
        Instant base = Instant.parse("2025-08-24T00:00:00Z");
        String[] labels = {"Low", "Moderate", "High", "Very high"};
        for (int i = 0; i < n; i++) {
            double lon = -86.95 + 0.5 * r.nextDouble(), lat = 35.95 + 0.4 * r.nextDouble();
            Instant opened = base.plusSeconds(r.nextInt(92 * 86400));
            boolean open = r.nextInt(20) == 0;
            Double hours = open ? null : r.nextDouble() * 200;
            Table.Row row = t.addRow(GF.createPoint(new Coordinate(lon, lat)))
                    .set("requestId", "3" + (1_000_000 + i)).set("requestType", TYPES[r.nextInt(TYPES.length)])
                    .set("subrequestType", TYPES[r.nextInt(TYPES.length)] + " - detail").set("additionalSubrequestType", r.nextBoolean() ? null : "Other")
                    .set("status", STATUS[r.nextInt(STATUS.length)]).set("isOpen", open).set("openedAt", opened)
                    .set("closedAt", open ? null : opened.plusSeconds((long) (hours * 3600))).set("responseHours", hours)
                    .set("daysSinceOpened", r.nextDouble() * 92).set("origin", ORIGIN[r.nextInt(ORIGIN.length)])
                    .set("address", (100 + r.nextInt(9900)) + " " + TYPES[r.nextInt(TYPES.length)].split(" ")[0] + " St")
                    .set("city", "NASHVILLE").set("zipCode", "372" + (10 + r.nextInt(40))).set("latitude", lat).set("longitude", lon)
                    .set("districtId", 1 + r.nextInt(35)).set("districtName", "District " + (1 + r.nextInt(35)));
            for (int k = 0; k < 4; k++) {
                row.set("metric" + k, r.nextGaussian()).set("rank" + k, 1 + r.nextInt(35)).set("label" + k, labels[r.nextInt(4)]);
            }
        }
        return t;
    }

    /** CSV with lon/lat columns for ogr2ogr: the same attribute values as text (DATETIME as ISO-8601). */
    static void writeCsv(Table t, Path csv) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            StringBuilder header = new StringBuilder("lon,lat");
            for (Column c : t.columns()) header.append(',').append(c.name());
            w.write(header.append('\n').toString());
            for (int i = 0; i < t.rowCount(); i++) {
                var p = t.geometry(i).getCoordinate();
                StringBuilder line = new StringBuilder().append(p.x).append(',').append(p.y);
                Object[] v = t.values(i);
                for (int c = 0; c < v.length; c++) {
                    line.append(',');
                    if (v[c] == null) continue;
                    ColumnType type = t.columns().get(c).type();
                    String s = switch (type) {
                        case DATETIME -> GeoPackageWriter.DATETIME.format((Instant) v[c]);
                        case BOOLEAN -> ((Boolean) v[c]) ? "1" : "0";
                        default -> v[c].toString();
                    };
                    line.append(s.contains(",") || s.contains("\"") ? '"' + s.replace("\"", "\"\"") + '"' : s);
                }
                w.write(line.append('\n').toString());
            }
        }
    }
}
