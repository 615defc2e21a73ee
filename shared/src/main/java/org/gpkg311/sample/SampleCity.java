package org.gpkg311.sample;

import java.io.IOException;
import java.io.InputStream;
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
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.gpkg311.geo.DistrictFields;
import org.gpkg311.geo.DistrictLoader;
import org.gpkg311.model.District;

/**
 * A deterministic, seeded sample city: four months (~65,000 rows) of realistic raw hubNashville 311 data in
 * the Hub portal CSV format, ending on {@link #LAST_DAY}, plus the real 2022 council districts. The data is
 * made by code so that nothing synthetic is committed, and the same seed always gives the same bytes.
 * {@link #writeRequests} makes the same city at another size (a million requests and more); rows are written a
 * day at a time, so memory does not grow with the size.
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
    /** Every raw file of the sample city has this in its name: how a run knows it read the sample. */
    public static final String FILE_MARK = "-311-sample-";
    /** What a run on the sample city writes first into every layer description and preview. */
    public static final String NOTICE = "Synthetic sample data, not real requests.";
    private static final String DISTRICTS_RESOURCE = "/sample/council-districts-2022.geojson";

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

    /** True when every source of a run is a sample-city file (and there is at least one). */
    public static boolean madeAllOf(java.util.List<String> sources) {
        return !sources.isEmpty() && sources.stream().allMatch(s -> s.contains(FILE_MARK));
    }

    public static Written write(Path dir, long seed) throws IOException {
        return writeRows(dir, seed, TARGET_ROWS);
    }

    /**
     * The same city with about {@code requests} requests in the 92-day window (the default size has ~48,000):
     * the row count is scaled by the weekday-weighted share of the window in the four months and by the share
     * of rows that are neither bad nor re-exported copies. Rows are streamed to the files a day at a time.
     */
    public static Written writeRequests(Path dir, long seed, int requests) throws IOException {
        if (requests < 1_000) throw new IllegalArgumentException("--requests must be at least 1000, got " + requests);
        return writeRows(dir, seed, rowsFor(requests));
    }

    /** Raw rows for {@code requests} good requests in the window. */
    static int rowsFor(int requests) {
        LocalDate windowStart = LAST_DAY.minusMonths(3);      // Window.endingAt(...) of an asOf on LAST_DAY
        double all = 0, window = 0;
        for (LocalDate d = FIRST_DAY; !d.isAfter(LAST_DAY); d = d.plusDays(1)) {
            all += WEEKDAY_FACTOR[d.getDayOfWeek().ordinal()];
            if (!d.isBefore(windowStart)) window += WEEKDAY_FACTOR[d.getDayOfWeek().ordinal()];
        }
        long rows = Math.round(requests * all / window / (1 - SHARE_BAD - SHARE_DUPLICATED));
        if (rows > Integer.MAX_VALUE / 2) throw new IllegalArgumentException("--requests " + requests + " is too large");
        return (int) rows;
    }

    private static Written writeRows(Path dir, long seed, int targetRows) throws IOException {
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

        // Two passes over the same seeded stream: the first only counts the good rows and draws the bad ones
        // (which pick among all good rows), the second makes the rows again, a day at a time, and writes them.
        Generator counting = Generator.of(districts, seed, targetRows);
        int good = counting.days(day -> {});
        List<BadPick> bad = counting.drawBad(good);
        Generator writing = Generator.of(districts, seed, targetRows);

        Path rawDir = dir.resolve(RAW_PREFIX);
        Files.createDirectories(rawDir);
        List<Path> files = new ArrayList<>();
        List<SampleCsv> out = new ArrayList<>();
        try {
            for (int f = 0; f < FILE_STARTS.length; f++) {
                boolean gzip = f == FILE_STARTS.length - 1;
                Path p = rawDir.resolve("hubnashville" + FILE_MARK + (f + 1) + (gzip ? ".csv.gz" : ".csv"));
                files.add(p);
                out.add(SampleCsv.open(p, gzip));
            }
            Rows rows = new Rows(bad, counting.rnd, out);
            writing.days(rows::day);
            for (SampleRow r : rows.reExported) out.get(r.file).row(r);
            for (SampleCsv w : out) w.close();
            out.clear();
            List<double[]> blocks = new ArrayList<>();
            for (SampleDistricts.Info info : writing.places.all()) {
                for (double[] b : info.blocks()) blocks.add(new double[] {b[0], b[1], info.district().id()});
            }
            return new Written(List.copyOf(files), districtsFile, rows.written + rows.reExported.size(), bad.size(),
                    rows.reExported.size(), List.copyOf(blocks));
        } finally {
            for (SampleCsv w : out) w.close();
        }
    }

    /**
     * The rows of one day after another: the day's bad copies are added, the day is put in time order, the
     * requests are numbered and some re-exported (with the random stream that followed the bad rows' draws).
     * Days do not overlap in time, so sorting each day gives the order of sorting everything.
     */
    private static final class Rows {
        private final BadPick[] bad;      // by good-row index
        private final SplittableRandom reExport;
        private final List<SampleCsv> out;
        final List<SampleRow> reExported = new ArrayList<>();
        private int goodSeen, nextBad, nextId = 1_900_001;
        int written;

        Rows(List<BadPick> bad, SplittableRandom reExport, List<SampleCsv> out) {
            this.bad = bad.toArray(BadPick[]::new);
            Arrays.sort(this.bad, Comparator.comparingInt(BadPick::goodIndex));
            this.reExport = reExport;
            this.out = out;
        }

        void day(List<SampleRow> good) throws IOException {
            int end = goodSeen + good.size();
            int from = nextBad;
            while (nextBad < bad.length && bad[nextBad].goodIndex() < end) nextBad++;
            BadPick[] today = Arrays.copyOfRange(bad, from, nextBad);
            Arrays.sort(today, Comparator.comparingInt(BadPick::order));       // ties keep the drawing order
            List<SampleRow> all = new ArrayList<>(good);
            for (BadPick b : today) all.add(b.spoil(good.get(b.goodIndex() - goodSeen).copy()));
            goodSeen = end;
            all.sort(Comparator.comparing((SampleRow r) -> r.sortKey));
            for (SampleRow r : all) {
                if (!"-".equals(r.requestId)) r.requestId = Integer.toString(nextId++);
                else r.requestId = "";
                reExport(r);
                out.get(r.file).row(r);
                written++;
            }
        }

        /**
         * Re-exports: some requests of the earlier files appear again, closed or updated, in the last file; the
         * earlier copy is an older version (still open).
         */
        private void reExport(SampleRow r) {
            if (r.file == FILE_STARTS.length - 1 || r.requestId.isEmpty() || r.closed.isEmpty()
                    || !r.status.equals("Closed") || reExport.nextDouble() >= SHARE_DUPLICATED * 1.6) return;
            SampleRow latest = r.copy();
            latest.file = FILE_STARTS.length - 1;
            reExported.add(latest);
            r.status = "Assigned";      // the earlier file saw it before it was closed
            r.closed = "";
        }
    }

    /** Every rejection reason of the cleaning step, made on purpose. */
    private enum BadRow {
        MISSING_ID, MISSING_OPEN, BAD_OPEN, BAD_CLOSE, CLOSED_BEFORE_OPENED, FUTURE, BAD_COORDINATES,
        BAD_DISTRICT, OUTSIDE_DISTRICTS, NO_LOCATION
    }

    /** One bad row drawn in advance: which good row it copies and the random parts of its spoiling. */
    private record BadPick(int order, int goodIndex, BadRow kind, int variant, int minutesEarly, double[] outside) {

        SampleRow spoil(SampleRow r) {
            switch (kind) {
                case MISSING_ID -> r.requestId = "-";
                case MISSING_OPEN -> r.opened = "";
                case BAD_OPEN -> r.opened = variant % 2 == 0 ? "not recorded" : "13/45/2025 10:61:00 AM";
                case BAD_CLOSE -> {
                    r.closed = "pending";
                    r.status = "Closed";
                }
                case CLOSED_BEFORE_OPENED -> {
                    r.closed = text(r.sortKey.minus(Duration.ofMinutes(minutesEarly)));
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
                    r.latitude = Double.toString(outside[1]);
                    r.longitude = Double.toString(outside[0]);
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
    }

    /** Receives the good rows of one local day, in the order they were made. */
    private interface DaySink {
        void day(List<SampleRow> rows) throws IOException;
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
        final SampleDistricts places;
        private final RequestTypeMix mix;
        final SplittableRandom rnd;
        private final int n, targetRows;
        private final double[] weekendFactor, trend;
        private final PlantedStructure.Rhythm[] rhythm;
        private final Instant dataEnd = LAST_DAY.plusDays(1).atStartOfDay(ZONE).toInstant();

        static Generator of(List<District> districts, long seed, int targetRows) {
            SplittableRandom root = new SplittableRandom(seed);
            SampleDistricts places = new SampleDistricts(districts, root.split());
            return new Generator(places, new RequestTypeMix(), root.split(), districts.size(), targetRows);
        }

        private Generator(SampleDistricts places, RequestTypeMix mix, SplittableRandom rnd, int n, int targetRows) {
            this.places = places;
            this.mix = mix;
            this.rnd = rnd;
            this.n = n;
            this.targetRows = targetRows;
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

        /** Makes the good rows day by day, handing each day to {@code sink}; returns how many were made. */
        int days(DaySink sink) throws IOException {
            int days = (int) ChronoUnit.DAYS.between(FIRST_DAY, LAST_DAY) + 1;
            double factorSum = 0;
            for (int d = 0; d < days; d++) factorSum += WEEKDAY_FACTOR[FIRST_DAY.plusDays(d).getDayOfWeek().ordinal()];
            double perFactor = targetRows * (1 - SHARE_BAD - SHARE_DUPLICATED) / factorSum;
            int stormA = rnd.nextInt(days), stormB = rnd.nextInt(days);
            int good = 0;
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
                List<SampleRow> rows = new ArrayList<>(count);
                for (int k = 0; k < count; k++) {
                    int i = Weighted.index(districtCum, rnd.nextDouble());
                    int hour = Weighted.index(hourCum[2 * i + (weekend ? 1 : 0)], rnd.nextDouble());
                    LocalDateTime local = day.atTime(hour, rnd.nextInt(60), rnd.nextInt(60));
                    rows.add(request(places.all().get(i), local.atZone(ZONE).toInstant(), day));
                }
                sink.day(rows);
                good += count;
            }
            return good;
        }

        /** Draws the bad rows (about 2.5% of the target), each a spoiled copy of one of the {@code good} rows. */
        List<BadPick> drawBad(int good) {
            int bad = (int) Math.round(targetRows * SHARE_BAD);
            BadRow[] kinds = BadRow.values();
            List<BadPick> picks = new ArrayList<>(bad);
            for (int b = 0; b < bad; b++) {
                int index = rnd.nextInt(good);
                BadRow kind = kinds[b % kinds.length];
                int minutes = kind == BadRow.CLOSED_BEFORE_OPENED ? 30 + rnd.nextInt(48 * 60) : 0;
                double[] outside = kind == BadRow.OUTSIDE_DISTRICTS ? outsidePoint() : null;
                picks.add(new BadPick(b, index, kind, b / kinds.length, minutes, outside));
            }
            return picks;
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
            RequestTypeMix.Type type = mix.pick(rnd, PlantedStructure.MORNING.contains(place.district().id()));
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
    }
}
