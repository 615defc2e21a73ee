package org.gpkg311.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

import org.gpkg311.geo.DistrictFields;
import org.gpkg311.geo.DistrictLoader;
import org.gpkg311.model.District;

/**
 * A deterministic, seeded sample city: four months (~65,000 rows) of realistic raw hubNashville 311 data in
 * the Hub portal CSV format, ending on {@link #LAST_DAY}, plus the real 2022 council districts. The data is
 * made by code so that nothing synthetic is committed, and the same seed always gives the same bytes.
 *
 * <p>What makes it realistic: the request-type mix of the real full export, a few real sub-types per type,
 * districts that differ in volume (lognormal, downtown District 19 busiest), the structure of
 * {@link PlantedStructure} (evening, weekday-morning and afternoon rhythms in local time, hot blocks along a
 * corridor, rising and falling districts, a backlog in a few), skewed (lognormal) type-specific response times
 * scaled per district, a few percent still open, about 5% without coordinates (district field only), the other
 * points uniform inside their district, recurring addresses, occasional storm days, and a few percent of bad rows
 * covering every rejection reason, plus duplicates, points outside the county kept by their district field,
 * "19.0" district numbers and DMS addresses with bare quotes.
 */
public final class SampleCity {

    public static final long DEFAULT_SEED = 311L;
    public static final ZoneId ZONE = ZoneId.of("America/Chicago");
    /** The last local day of the data: the default asOf falls on it (window 2025-08-25 .. 2025-11-24, 92 days). */
    public static final LocalDate LAST_DAY = LocalDate.of(2025, 11, 24);
    public static final LocalDate FIRST_DAY = LAST_DAY.minusMonths(4).plusDays(1);
    public static final String RAW_PREFIX = "raw/311/";
    public static final String DISTRICTS_KEY = "reference/council-districts.geojson";
    static final int TARGET_ROWS = 65_000;
    private static final String DISTRICTS_RESOURCE = "/sample/council-districts-2022.geojson";

    /** What was written. */
    /** What was written; {@code hotBlocks} are the planted blocks' centres as {lon, lat, districtId}. */
    public record Written(List<Path> rawFiles, Path districts, int rows, int badRows, int duplicateRows,
                          List<double[]> hotBlocks) {}

    private static final DateTimeFormatter TEXT_TIME = DateTimeFormatter.ofPattern("MM/dd/yyyy hh:mm:ss a", Locale.US);
    private static final double[] WEEKDAY_FACTOR = {1.16, 1.10, 1.06, 1.02, 0.95, 0.62, 0.52}; // Mon..Sun
    private static final String[] OPEN_STATUSES = {"New", "Assigned", "In Progress"};
    private static final double SHARE_NO_COORDINATES = 0.05;
    private static final double SHARE_RECURRING_ADDRESS = 0.20;
    private static final double SHARE_LEFT_OPEN = 0.015;
    private static final double SHARE_BAD = 0.025;
    private static final double SHARE_DUPLICATED = 0.01;

    private SampleCity() {}

    public static Written write(Path dir, long seed) throws IOException {
        byte[] districtBytes;
        try (InputStream in = SampleCity.class.getResourceAsStream(DISTRICTS_RESOURCE)) {
            if (in == null) throw new IllegalStateException("resource " + DISTRICTS_RESOURCE + " is missing");
            districtBytes = in.readAllBytes();
        }
        Path districtsFile = dir.resolve(DISTRICTS_KEY);
        Files.createDirectories(districtsFile.getParent());
        Files.write(districtsFile, districtBytes);
        List<District> districts = DistrictLoader.load(new java.io.ByteArrayInputStream(districtBytes),
                DISTRICTS_RESOURCE, DistrictFields.nashville());

        SplittableRandom root = new SplittableRandom(seed);
        SampleDistricts places = new SampleDistricts(districts, root.split());
        Generator g = new Generator(places, new RequestTypeMix(), root.split(), districts.size());
        List<SampleRow> rows = g.rows();

        Path rawDir = dir.resolve(RAW_PREFIX);
        Files.createDirectories(rawDir);
        List<Path> files = new ArrayList<>();
        for (int f = 0; f < FILE_STARTS.length; f++) {
            boolean gzip = f == FILE_STARTS.length - 1;
            Path p = rawDir.resolve("hubnashville-311-sample-" + (f + 1) + (gzip ? ".csv.gz" : ".csv"));
            int file = f;
            List<SampleRow> part = rows.stream().filter(r -> r.file == file).toList();
            try (OutputStream out = Files.newOutputStream(p)) {
                if (gzip) {
                    try (GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16)) {
                        SampleCsv.write(gz, part);
                    }
                } else {
                    SampleCsv.write(out, part);
                }
            }
            files.add(p);
        }
        List<double[]> blocks = new ArrayList<>();
        for (SampleDistricts.Info info : places.all()) {
            for (double[] b : info.blocks()) blocks.add(new double[] {b[0], b[1], info.district().id()});
        }
        return new Written(List.copyOf(files), districtsFile, rows.size(), g.badRows, g.duplicateRows, List.copyOf(blocks));
    }

    /** Local start dates of the 2nd and 3rd export file: the data is split the way incremental exports are. */
    private static final LocalDate[] FILE_STARTS = {FIRST_DAY, LocalDate.of(2025, 9, 1), LocalDate.of(2025, 10, 15)};

    private static int fileOf(LocalDate day) {
        int f = 0;
        for (int i = 0; i < FILE_STARTS.length; i++) if (!day.isBefore(FILE_STARTS[i])) f = i;
        return f;
    }

    static String text(Instant t) {
        return TEXT_TIME.format(LocalDateTime.ofInstant(t, ZoneOffset.UTC));   // exports are in UTC
    }

    /** The generation itself; one instance per call, so that nothing is shared between runs. */
    private static final class Generator {
        private final SampleDistricts places;
        private final RequestTypeMix mix;
        private final SplittableRandom rnd;
        private final int n;
        private final double[] weekendFactor, trend;
        private final PlantedStructure.Rhythm[] rhythm;
        private final Instant dataEnd = LAST_DAY.plusDays(1).atStartOfDay(ZONE).toInstant();
        int badRows, duplicateRows;

        Generator(SampleDistricts places, RequestTypeMix mix, SplittableRandom rnd, int n) {
            this.places = places;
            this.mix = mix;
            this.rnd = rnd;
            this.n = n;
            weekendFactor = new double[n];
            trend = new double[n];
            rhythm = new PlantedStructure.Rhythm[n];
            for (int i = 0; i < n; i++) {
                int id = places.all().get(i).district().id();
                rhythm[i] = PlantedStructure.rhythm(id);
                weekendFactor[i] = PlantedStructure.weekendFactor(rhythm[i]) * Weighted.lognormal(rnd, 0, 0.08);
                trend[i] = PlantedStructure.trend(id);
            }
        }

        List<SampleRow> rows() {
            int days = (int) ChronoUnit.DAYS.between(FIRST_DAY, LAST_DAY) + 1;
            double factorSum = 0;
            for (int d = 0; d < days; d++) factorSum += WEEKDAY_FACTOR[FIRST_DAY.plusDays(d).getDayOfWeek().ordinal()];
            double perFactor = TARGET_ROWS * (1 - SHARE_BAD - SHARE_DUPLICATED) / factorSum;
            int stormA = rnd.nextInt(days), stormB = rnd.nextInt(days);
            List<SampleRow> good = new ArrayList<>();
            double[][] hourCum = new double[2 * n][];
            for (int i = 0; i < n; i++) {
                hourCum[2 * i] = Weighted.cumulative(jitter(PlantedStructure.hours(rhythm[i], false)));
                hourCum[2 * i + 1] = Weighted.cumulative(jitter(PlantedStructure.hours(rhythm[i], true)));
            }
            for (int d = 0; d < days; d++) {
                LocalDate day = FIRST_DAY.plusDays(d);
                boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
                double expected = perFactor * WEEKDAY_FACTOR[day.getDayOfWeek().ordinal()]
                        * Weighted.lognormal(rnd, 0, 0.08) * (d == stormA || d == stormB ? 1.9 : 1.0);
                int count = (int) Math.round(expected);
                double t = days == 1 ? 0 : (double) d / (days - 1) - 0.5;
                double[] w = new double[n];
                for (int i = 0; i < n; i++) {
                    w[i] = places.all().get(i).weight() * (weekend ? weekendFactor[i] : 1.0) * (1 + trend[i] * t);
                }
                double[] districtCum = Weighted.cumulative(w);
                for (int k = 0; k < count; k++) {
                    int i = Weighted.index(districtCum, rnd.nextDouble());
                    int hour = Weighted.index(hourCum[2 * i + (weekend ? 1 : 0)], rnd.nextDouble());
                    LocalDateTime local = day.atTime(hour, rnd.nextInt(60), rnd.nextInt(60));
                    good.add(request(places.all().get(i), local.atZone(ZONE).toInstant(), day));
                }
            }
            List<SampleRow> all = new ArrayList<>(good);
            int bad = (int) Math.round(TARGET_ROWS * SHARE_BAD);
            BadRow[] kinds = BadRow.values();
            for (int b = 0; b < bad; b++) {
                all.add(spoil(good.get(rnd.nextInt(good.size())).copy(), kinds[b % kinds.length], b / kinds.length));
            }
            badRows = bad;
            all.sort(Comparator.comparing((SampleRow r) -> r.sortKey));
            int next = 1_900_001;
            for (SampleRow r : all) {
                if (!"-".equals(r.requestId)) r.requestId = Integer.toString(next++);
                else r.requestId = "";
            }
            duplicateRows = addDuplicates(all);
            return all;
        }

        /** A district's own variation around its rhythm (about 10% per hour). */
        private double[] jitter(double[] hours) {
            for (int i = 0; i < hours.length; i++) hours[i] *= Weighted.lognormal(rnd, 0, 0.10);
            return hours;
        }

        private SampleRow request(SampleDistricts.Info place, Instant opened, LocalDate day) {
            SampleRow r = new SampleRow();
            r.sortKey = opened;
            r.file = fileOf(day);
            RequestTypeMix.Type type = mix.pick(rnd);
            r.type = type.name();
            String sub = RequestTypeMix.subtype(type, rnd);
            r.subtype = sub == null ? "" : sub;
            r.additional = type.additional() != null && rnd.nextDouble() < 0.6 ? type.additional() : "";
            r.opened = text(opened);
            RequestTypeMix.Response resp = type.response();
            double hours = rnd.nextDouble() < resp.instantShare() ? 0
                    : Weighted.lognormal(rnd, StrictMath.log(resp.medianHours() * place.responseFactor()), resp.sigma());
            Instant closed = opened.plusMillis(Math.round(hours * 3_600_000 / 1000) * 1000);
            boolean backlog = PlantedStructure.BACKLOG.contains(place.district().id());
            if (closed.isAfter(dataEnd) || rnd.nextDouble() < (backlog ? PlantedStructure.OPEN_SHARE_BACKLOG : SHARE_LEFT_OPEN)) {
                r.status = OPEN_STATUSES[rnd.nextInt(OPEN_STATUSES.length)];
            } else {
                r.status = "Closed";
                r.closed = text(closed);
            }
            double o = rnd.nextDouble();
            r.origin = o < 0.70 ? "hubNashville Community" : o < 0.95 ? "Phone" : o < 0.999 ? "Mobile App" : "Email";
            r.city = place.city();
            r.zip = place.zip();
            int id = place.district().id();
            double u = rnd.nextDouble();
            r.district = u < 0.04 ? id + ".0" : Integer.toString(id);
            double loc = rnd.nextDouble();
            if (loc < SHARE_NO_COORDINATES) {
                r.address = rnd.nextBoolean() ? SampleDistricts.address(rnd, place.city(), place.zip()) : "";
                return r;
            }
            double lon, lat;
            if (loc < SHARE_NO_COORDINATES + SHARE_RECURRING_ADDRESS) {
                // a skewed pick: a few addresses of each district come back again and again
                double v = rnd.nextDouble();
                SampleDistricts.Place p = place.pool().get((int) (place.pool().size() * v * v));
                r.address = p.address();
                lon = p.lon();
                lat = p.lat();
            } else {
                double[] p = places.located(place, rnd);
                lon = p[0];
                lat = p[1];
                r.address = rnd.nextDouble() < 0.003 ? dms(lat, lon) : SampleDistricts.address(rnd, place.city(), place.zip());
            }
            r.latitude = Double.toString(lat);
            r.longitude = Double.toString(lon);
            double f = rnd.nextDouble();
            if (f < 0.03) r.district = "";                                       // point decides alone
            else if (f < 0.034) r.district = Integer.toString(id % n + 1);       // disagrees with the point
            else if (f < 0.037) {                                                // point just outside the county
                double[] out = outsidePoint();
                r.latitude = Double.toString(out[1]);
                r.longitude = Double.toString(out[0]);
            } else if (f < 0.039) {
                r.district = "0";                                                // no such district: the point decides
            }
            return r;
        }

        /** A point inside the city's plausibility box but outside every district (neighbouring counties). */
        private double[] outsidePoint() {
            while (true) {
                double lon = SampleDistricts.round7(-87.3 + rnd.nextDouble() * 1.0);
                double lat = SampleDistricts.round7(35.8 + rnd.nextDouble() * 0.8);
                if (places.locate(lon, lat) < 0) return new double[] {lon, lat};
            }
        }

        /** The position written as degrees-minutes-seconds, the way some users type it: bare quotes included. */
        private static String dms(double lat, double lon) {
            return part(lat, 'N', 'S') + " " + part(lon, 'E', 'W');
        }

        private static String part(double v, char pos, char neg) {
            double a = Math.abs(v);
            int deg = (int) a;
            int min = (int) ((a - deg) * 60);
            double sec = ((a - deg) * 60 - min) * 60;
            return String.format(Locale.US, "%d°%02d'%04.1f\"%c", deg, min, sec, v >= 0 ? pos : neg);
        }

        /** Every rejection reason of the cleaning step, made on purpose. */
        private enum BadRow {
            MISSING_ID, MISSING_OPEN, BAD_OPEN, BAD_CLOSE, CLOSED_BEFORE_OPENED, FUTURE, BAD_COORDINATES,
            BAD_DISTRICT, OUTSIDE_DISTRICTS, NO_LOCATION
        }

        private SampleRow spoil(SampleRow r, BadRow kind, int variant) {
            switch (kind) {
                case MISSING_ID -> r.requestId = "-";
                case MISSING_OPEN -> r.opened = "";
                case BAD_OPEN -> r.opened = variant % 2 == 0 ? "not recorded" : "13/45/2025 10:61:00 AM";
                case BAD_CLOSE -> {
                    r.closed = "pending";
                    r.status = "Closed";
                }
                case CLOSED_BEFORE_OPENED -> {
                    r.closed = text(r.sortKey.minus(Duration.ofMinutes(30 + rnd.nextInt(48 * 60))));
                    r.status = "Closed";
                }
                case FUTURE -> {
                    // a typo'd year: far after any run's clock
                    LocalDateTime t = LocalDateTime.ofInstant(r.sortKey, ZoneOffset.UTC).withYear(2099);
                    r.opened = text(t.toInstant(ZoneOffset.UTC));
                    r.closed = "";
                    r.status = "New";
                }
                case BAD_COORDINATES -> {
                    switch (variant % 3) {
                        case 0 -> { r.latitude = "0"; r.longitude = "0"; }
                        case 1 -> { r.latitude = "36°09'N"; r.longitude = "86°46'W"; }
                        default -> { r.latitude = "37.5407"; r.longitude = "-77.4360"; }   // Richmond, VA
                    }
                }
                case BAD_DISTRICT -> {
                    r.latitude = "";
                    r.longitude = "";
                    r.district = variant % 2 == 0 ? "99" : "Antioch";
                }
                case OUTSIDE_DISTRICTS -> {
                    double[] p = outsidePoint();
                    r.latitude = Double.toString(p[1]);
                    r.longitude = Double.toString(p[0]);
                    r.district = "";
                }
                case NO_LOCATION -> {
                    r.latitude = "";
                    r.longitude = "";
                    r.district = "";
                }
            }
            return r;
        }

        /**
         * Re-exports: some requests of the earlier files appear again, closed or updated, in the last file; the
         * earlier copy is an older version (still open). Returns the number of older copies.
         */
        private int addDuplicates(List<SampleRow> all) {
            int last = FILE_STARTS.length - 1;
            List<SampleRow> extra = new ArrayList<>();
            for (SampleRow r : all) {
                if (r.file == last || r.requestId.isEmpty() || r.closed.isEmpty() || !r.status.equals("Closed")
                        || rnd.nextDouble() >= SHARE_DUPLICATED * 1.6) continue;
                SampleRow latest = r.copy();
                latest.file = last;
                extra.add(latest);
                r.status = "Assigned";      // the earlier file saw it before it was closed
                r.closed = "";
            }
            all.addAll(extra);
            return extra.size();
        }
    }
}
