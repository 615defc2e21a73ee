package org.gpkg311.sample;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.gpkg311.clean.QualityNote;
import org.gpkg311.clean.RejectionReason;
import org.gpkg311.model.ServiceRequest;
import org.gpkg311.snapshot.Snapshot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample city, checked the way the pipeline will use it: written once, read back through the reader,
 * cleaner and snapshot builder. Ranges come from the generator's stated targets (65k rows over four months,
 * ~49k in the 92-day window, ~5% without coordinates, a few % open, ~2.5% bad rows of every kind).
 */
class SampleCityTest {

    @TempDir
    static Path dir;
    static SampleCity.Written written;
    static Snapshot snapshot;

    @BeforeAll
    static void writeAndBuild() throws IOException {
        written = SampleCity.write(dir, SampleCity.DEFAULT_SEED);
        snapshot = SampleSnapshots.of(written, "sample-test");
    }

    @Test
    void filesAreWhereThePipelineLooksForThem() throws IOException {
        assertEquals(3, written.rawFiles().size());
        assertEquals(dir.resolve("raw/311/hubnashville-311-sample-1.csv"), written.rawFiles().get(0));
        assertEquals(dir.resolve("raw/311/hubnashville-311-sample-3.csv.gz"), written.rawFiles().get(2));
        byte[] gz = Files.readAllBytes(written.rawFiles().get(2));
        assertEquals(0x1f, gz[0] & 0xff);
        assertEquals(0x8b, gz[1] & 0xff);
        String first = Files.readAllLines(written.rawFiles().get(0)).get(0);
        assertEquals("Request #,Status,Request Type,Subrequest Type,Additional Subrequest Type,Date /Time Opened,"
                + "Date/Time Closed,Request Origin,Address,City,Council District,ZIP,Latitude,Longitude", first);
        // the districts are the bundled real 2022 plan, byte for byte
        try (InputStream in = SampleCity.class.getResourceAsStream("/sample/council-districts-2022.geojson")) {
            assertArrayEquals(in.readAllBytes(), Files.readAllBytes(written.districts()));
        }
        assertEquals(dir.resolve("reference/council-districts.geojson"), written.districts());
    }

    @Test
    void sameSeedSameBytesOtherSeedOtherData(@TempDir Path again, @TempDir Path other) throws IOException {
        SampleCity.Written w2 = SampleCity.write(again, SampleCity.DEFAULT_SEED);
        for (int i = 0; i < written.rawFiles().size(); i++) {
            assertArrayEquals(Files.readAllBytes(written.rawFiles().get(i)), Files.readAllBytes(w2.rawFiles().get(i)));
        }
        SampleCity.Written w3 = SampleCity.write(other, 42);
        assertFalse(Arrays.equals(Files.readAllBytes(written.rawFiles().get(0)), Files.readAllBytes(w3.rawFiles().get(0))));
    }

    @Test
    void volumesMatchTheTargets() {
        var q = snapshot.quality();
        assertEquals(written.rows(), q.rowsRead());
        assertTrue(q.rowsRead() > 60_000 && q.rowsRead() < 70_000, "rows " + q.rowsRead());
        assertTrue(q.rowsAccepted() > 45_000 && q.rowsAccepted() < 53_000, "in window " + q.rowsAccepted());
        assertTrue(q.rowsOutsideWindow() > 12_000, "before the window " + q.rowsOutsideWindow());
        assertEquals(q.rowsRead(), q.rowsAccepted() + q.rowsRejected() + q.rowsOutsideWindow());
        double rejectedShare = (double) q.rowsRejected() / q.rowsRead();
        assertTrue(rejectedShare > 0.02 && rejectedShare < 0.05, "rejected " + rejectedShare);
    }

    @Test
    void windowEndsOnTheSampleLastDay() {
        assertEquals(LocalDate.of(2025, 11, 24), snapshot.window().endDate());
        assertEquals(LocalDate.of(2025, 8, 25), snapshot.window().startDate());
        assertEquals(92, snapshot.window().dayCount());
        assertEquals(35, snapshot.districts().size());
    }

    @Test
    void everyRejectionReasonAndNoteOccurs() {
        var rejected = snapshot.quality().rejectedByReason();
        for (RejectionReason r : RejectionReason.values()) {
            // the sample writes well-formed CSV; malformed records are tested on a file of their own (UnterminatedQuoteTest)
            if (r == RejectionReason.MALFORMED_RECORD) {
                assertEquals(0L, rejected.get(r.label()), rejected.toString());
                continue;
            }
            assertTrue(rejected.get(r.label()) > 0, r.label() + " never happens: " + rejected);
        }
        var notes = snapshot.quality().notes();
        for (QualityNote n : QualityNote.values()) {
            assertTrue(notes.get(n.label()) > 0, n.label() + " never happens: " + notes);
        }
    }

    @Test
    void shapeOfTheData() {
        List<ServiceRequest> rs = snapshot.requests();
        long open = rs.stream().filter(ServiceRequest::open).count();
        double openShare = (double) open / rs.size();
        assertTrue(openShare > 0.01 && openShare < 0.10, "open " + openShare);
        long unlocated = rs.stream().filter(r -> Double.isNaN(r.latitude())).count();
        double noCoordinates = (double) unlocated / rs.size();
        assertTrue(noCoordinates > 0.035 && noCoordinates < 0.065, "without coordinates " + noCoordinates);
        // District 19 (downtown) is the busiest, and districts differ clearly in volume
        int[] perDistrict = new int[36];
        for (ServiceRequest r : rs) perDistrict[r.districtId()]++;
        int max = Arrays.stream(perDistrict).max().getAsInt();
        int min = Arrays.stream(perDistrict, 1, 36).min().getAsInt();
        assertEquals(max, perDistrict[19]);
        assertTrue(min > 0 && max > 3 * min, "min " + min + " max " + max);
        // the most common type is the real one
        long firstCall = rs.stream().filter(r -> "Resolved by hubNashville on First Call".equals(r.requestType())).count();
        assertTrue(firstCall > 0.25 * rs.size() && firstCall < 0.37 * rs.size(), "first call " + firstCall);
        // weekday hours in local time peak in the morning, not at night
        int[] byHour = new int[24];
        for (ServiceRequest r : rs) byHour[snapshot.window().local(r.openedAt()).getHour()]++;
        assertTrue(byHour[10] > 5 * byHour[3], "10h " + byHour[10] + " vs 3h " + byHour[3]);
        // recurring addresses exist
        long distinctAddresses = rs.stream().map(ServiceRequest::address).filter(a -> a != null).distinct().count();
        assertTrue(distinctAddresses < 0.9 * rs.size(), "distinct addresses " + distinctAddresses);
        // bare-quote DMS addresses survived the lenient reader
        assertTrue(rs.stream().anyMatch(r -> r.address() != null && r.address().contains("\"N ")));
    }

    /** The planted structure is in the data (the generators must find it; see the invariant tests). */
    @Test
    void plantedStructureIsInTheData() {
        List<ServiceRequest> rs = snapshot.requests();
        int[][] byHour = new int[36][24];
        int[] weekend = new int[36], all = new int[36], open = new int[36];
        int[][] byMonth = new int[36][3];
        LocalDate start = snapshot.window().startDate();
        for (ServiceRequest r : rs) {
            var local = snapshot.window().local(r.openedAt());
            int d = r.districtId();
            byHour[d][local.getHour()]++;
            all[d]++;
            if (local.getDayOfWeek().getValue() >= 6) weekend[d]++;
            if (r.open()) open[d]++;
            long day = java.time.temporal.ChronoUnit.DAYS.between(start, local.toLocalDate());
            byMonth[d][(int) Math.min(2, day / 31)]++;
        }
        double backlogMin = 1, othersMax = 0;
        for (int d = 1; d <= 35; d++) {
            int peak = 0;
            for (int h = 1; h < 24; h++) if (byHour[d][h] > byHour[d][peak]) peak = h;
            switch (PlantedStructure.rhythm(d)) {
                case EVENING -> assertTrue(peak >= 17 && peak < 22, "district " + d + " peaks at " + peak);
                case MORNING -> assertTrue(peak >= 6 && peak < 12, "district " + d + " peaks at " + peak);
                case AFTERNOON -> assertTrue(peak >= 12 && peak < 17, "district " + d + " peaks at " + peak);
            }
            double weekendShare = (double) weekend[d] / all[d];
            if (PlantedStructure.EVENING.contains(d)) assertTrue(weekendShare > 0.22, d + " weekend " + weekendShare);
            if (PlantedStructure.MORNING.contains(d)) assertTrue(weekendShare < 0.14, d + " weekend " + weekendShare);
            double trend = PlantedStructure.TREND.getOrDefault(d, 0.0);
            if (trend > 0) assertTrue(byMonth[d][2] > 1.3 * byMonth[d][0], d + " rising " + Arrays.toString(byMonth[d]));
            if (trend < 0) assertTrue(byMonth[d][2] < 0.8 * byMonth[d][0], d + " falling " + Arrays.toString(byMonth[d]));
            double openShare = (double) open[d] / all[d];
            if (PlantedStructure.BACKLOG.contains(d)) backlogMin = Math.min(backlogMin, openShare);
            else othersMax = Math.max(othersMax, openShare);
        }
        assertTrue(backlogMin > othersMax + 0.03, "open share: backlog districts from " + backlogMin + ", others up to " + othersMax);
        // every hot block gathers many located requests within one spread (300 m) of its centre: 39% of a block's
        // ~200 points (1 - e^-1/2 for a 2-D Gaussian), against 4 to 20 uniform points of its district in that disc
        assertEquals(PlantedStructure.HOT_BLOCKS.size() * PlantedStructure.BLOCKS_PER_DISTRICT, written.hotBlocks().size());
        for (double[] b : written.hotBlocks()) {
            long near = rs.stream().filter(r -> !Double.isNaN(r.latitude())
                    && Math.hypot((r.longitude() - b[0]) * 90_000, (r.latitude() - b[1]) * 111_320) < PlantedStructure.BLOCK_SD_METRES).count();
            assertTrue(near > 50, "block of district " + (int) b[2] + " holds " + near);
        }
        assertTrue(PlantedStructure.DESCRIPTION.startsWith("synthetic sample data, not real requests"));
    }
}
