package org.gpkg311.series;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.gpkg311.snapshot.Snapshot;
import org.gpkg311.snapshot.Window;
import org.junit.jupiter.api.Test;

/** Expected values are counted by hand from the request list documented in {@link TimeFixture}. */
class SnapshotSeriesTest {

    private final Snapshot snapshot = TimeFixture.snapshot();
    private final SnapshotSeries series = SnapshotSeries.compute(snapshot);

    @Test
    void windowCalendar() {
        WindowCalendar cal = series.calendar();
        assertEquals(92, cal.dayCount());
        assertEquals(13, cal.fullWeekCount());
        // 92 days from a Monday: 13 weeks + one more Monday
        assertArrayEquals(new int[] {14, 13, 13, 13, 13, 13, 13}, cal.weekdaysInWindow());
        assertEquals(66, cal.weekdayDays());
        assertEquals(26, cal.weekendDays());
        assertArrayEquals(new int[] {31, 30, 31}, cal.daysInMonth());
        // Sunday Nov 23 (day 90) closes week 13; Monday Nov 24 (day 91) lies in no full week
        assertEquals(13, cal.weekOfDay()[90]);
        assertEquals(0, cal.weekOfDay()[91]);
        // Sep 24 (day 30) is month1's last day, Oct 24 (day 60) month2's last
        assertEquals(1, cal.monthOfDay()[30]);
        assertEquals(2, cal.monthOfDay()[31]);
        assertEquals(2, cal.monthOfDay()[60]);
        assertEquals(3, cal.monthOfDay()[61]);
        // week 1's Thursday (Aug 28) is x = 1; Monday Nov 24 is 3 days before week 14's Thursday
        assertEquals(1.0, cal.weekPosition(LocalDate.of(2025, 8, 28)), 1e-12);
        assertEquals(14.0 - 3.0 / 7.0, cal.weekPosition(LocalDate.of(2025, 11, 24)), 1e-12);
    }

    @Test
    void windowMonthsAtAMonthEndWithFebruaryInside() {
        // asOf Sunday 2025-03-30 13:00 CDT: D_end Mar 30, D_start = Mar 30 − 3 months (Dec 30) + 1 day = Tue Dec 31.
        // month1 = [Dec 31, Jan 30] 31 days; month2 = (Jan 30, Feb 28] 29 days (Mar 30 − 1 month clamps to Feb 28);
        // month3 = (Feb 28, Mar 30] 30 days; 31 + 29 + 30 = 90 = 1 + 31 + 28 + 30 days Dec 31 .. Mar 30.
        // Full weeks: Mon Jan 6 .. Sun Mar 30 = 12; weekdays: 12 of each plus Tue Dec 31 and Wed..Sun Jan 1..5.
        Window w = Window.endingAt(Instant.parse("2025-03-30T18:00:00Z"), TimeFixture.ZONE);
        List<org.gpkg311.model.ServiceRequest> requests = List.of(
                TimeFixture.request("jan30-late", "Trash", TimeFixture.local(LocalDate.of(2025, 1, 30), 23, 30), null, 1, true),
                TimeFixture.request("jan31-early", "Trash", TimeFixture.local(LocalDate.of(2025, 1, 31), 0, 30), null, 1, true),
                TimeFixture.request("feb28", "Trash", TimeFixture.local(LocalDate.of(2025, 2, 28), 12, 0), null, 1, true),
                TimeFixture.request("mar01", "Trash", TimeFixture.local(LocalDate.of(2025, 3, 1), 0, 0), null, 1, true));
        SnapshotSeries s = SnapshotSeries.compute(TimeFixture.snapshot(w, requests));
        WindowCalendar cal = s.calendar();
        assertEquals(90, cal.dayCount());
        assertArrayEquals(new int[] {31, 29, 30}, cal.daysInMonth());
        assertEquals(12, cal.fullWeekCount());
        assertArrayEquals(new int[] {12, 13, 13, 13, 13, 13, 13}, cal.weekdaysInWindow());
        assertArrayEquals(new int[] {1, 2, 1}, s.district(0).monthly());
        assertArrayEquals(new double[] {1.0 / 31, 2.0 / 29, 1.0 / 30}, s.district(0).monthRates(), 1e-15);
    }

    @Test
    void dailyIntakeIsZeroFilledOverEveryDay() {
        int[] d1 = new int[92];
        for (int w = 1; w <= 13; w++) d1[7 * (w - 1) + 1] = 1; // Tuesdays
        d1[79] = 1; // Wednesday of week 12
        d1[86] = 1; // Wednesday of week 13
        d1[33] = 1; // Saturday of week 5
        assertArrayEquals(d1, series.district(0).dailyIntake());
        assertArrayEquals(new int[92], series.district(3).dailyIntake());
        int[] d3 = new int[92];
        d3[52] = 3; // Thursday Oct 16
        assertArrayEquals(d3, series.district(2).dailyIntake());
    }

    @Test
    void dailyClosuresByLocalDateOfClosedAt() {
        int[] d1 = new int[92];
        d1[3] = 1; // closed Thursday Aug 28
        assertArrayEquals(d1, series.district(0).dailyClosures());
        int[] d3 = new int[92];
        d3[52] = 1;
        assertArrayEquals(d3, series.district(2).dailyClosures());
        assertArrayEquals(new int[92], series.district(1).dailyClosures());
    }

    @Test
    void hourAndDayInLocalTimeAcrossTheFallBack() {
        DistrictSeries d2 = series.district(1);
        int[] hourly = new int[24];
        hourly[1] = 2;  // 01:30 CDT and 01:30 CST on Nov 2
        hourly[18] = 1; // Friday 18:30
        hourly[19] = 1; // 2025-11-09T01:30Z = Saturday 19:30 CST
        hourly[20] = 4;
        hourly[21] = 4;
        assertArrayEquals(hourly, d2.hourly());
        assertArrayEquals(new int[] {0, 0, 0, 0, 1, 5, 6}, d2.weekday());
        assertArrayEquals(new int[] {2, 2, 2, 2, 0, 1, 0, 0, 0, 2, 1, 0, 0}, d2.weekly());
        assertArrayEquals(new int[] {8, 1, 3}, d2.monthly());
        assertEquals(20, d2.peakHour()); // 20 and 21 tie: earliest hour
        assertEquals(6, d2.peakDay());   // Sunday 6/13 beats Saturday 5/13
    }

    @Test
    void aNovemberSundayAt0130UtcIsSaturdayEveningInNashville() {
        int r = indexOf("D2-dst-sat");
        RequestTimes t = series.times();
        assertEquals(19, t.hourOfDay()[r]);
        assertEquals("Saturday", t.dayName(r));
        assertEquals(75, t.dayIndex()[r]); // Saturday Nov 8
        assertEquals(11, t.weekIndex()[r]);
        assertEquals(true, t.isWeekend(r));
        int cdt = indexOf("D2-fallback-cdt"), cst = indexOf("D2-fallback-cst");
        assertEquals(1, t.hourOfDay()[cdt]);
        assertEquals(1, t.hourOfDay()[cst]);
        assertEquals(69, t.dayIndex()[cst]);
        assertEquals("Sunday", t.dayName(cst));
        assertEquals(10, t.weekIndex()[cst]);
    }

    @Test
    void springForwardDaySkipsHourTwo() {
        // Window ending Friday 2026-03-20 12:00 CDT; DST starts Sunday Mar 8 02:00 CST = 08:00Z.
        Window w = Window.endingAt(Instant.parse("2026-03-20T17:00:00Z"), TimeFixture.ZONE);
        Snapshot s = TimeFixture.snapshot(w, List.of(
                TimeFixture.request("before", "Noise", Instant.parse("2026-03-08T07:30:00Z"), null, 1, true),  // 01:30 CST
                TimeFixture.request("after", "Noise", Instant.parse("2026-03-08T08:30:00Z"), null, 1, true),   // 03:30 CDT
                TimeFixture.request("late", "Noise", Instant.parse("2026-03-09T04:30:00Z"), null, 1, true),    // Mar 8 23:30 CDT
                TimeFixture.request("sat", "Noise", Instant.parse("2026-03-08T05:59:00Z"), null, 1, true)));   // Mar 7 23:59 CST
        SnapshotSeries ss = SnapshotSeries.compute(s);
        DistrictSeries d = ss.district(0);
        int[] hourly = new int[24];
        hourly[1] = 1;
        hourly[3] = 1;
        hourly[23] = 2;
        assertArrayEquals(hourly, d.hourly());
        int mar8 = (int) java.time.temporal.ChronoUnit.DAYS.between(w.startDate(), LocalDate.of(2026, 3, 8));
        assertEquals(3, d.dailyIntake()[mar8]);
        assertEquals(1, d.dailyIntake()[mar8 - 1]);
        assertArrayEquals(new int[] {0, 0, 0, 0, 0, 1, 3}, d.weekday());
    }

    @Test
    void hourOfWeekBusinessHoursAndDayparts() {
        DistrictSeries d1 = series.district(0);
        assertEquals(15, d1.businessHoursCount()); // Tuesday 09:15 ×13, Wednesday 10:30 ×2
        assertEquals(1, d1.offHoursCount());       // Saturday 14:00
        assertEquals(45, d1.businessSlotCounts().length);
        assertEquals(123, d1.offHoursSlotCounts().length);
        assertEquals(13, d1.hourOfWeek()[HourOfWeek.slot(1, 9)]);
        assertEquals(1, d1.hourOfWeek()[HourOfWeek.slot(5, 14)]);
        assertEquals(15, d1.count(Daypart.MORNING));
        assertEquals(1, d1.count(Daypart.AFTERNOON));
        DistrictSeries d2 = series.district(1);
        assertEquals(0, d2.businessHoursCount());
        assertEquals(12, d2.offHoursCount());
        assertEquals(4, d2.hourOfWeek()[140]); // Saturday 20:00 = 5 × 24 + 20
        assertEquals(2, d2.count(Daypart.NIGHT));
        assertEquals(10, d2.count(Daypart.EVENING));
        assertEquals(0, d2.count(Daypart.LATE_EVENING));
        // D5: Monday 08:30 and 09:00 and Thursday 13:00 are all business hours (08:00 is inside, half-open)
        assertEquals(27, series.district(4).businessHoursCount());
    }

    @Test
    void weeksMonthsAndTypes() {
        DistrictSeries d1 = series.district(0);
        assertArrayEquals(new int[] {1, 1, 1, 1, 2, 1, 1, 1, 1, 1, 1, 2, 2}, d1.weekly());
        assertArrayEquals(new int[] {5, 5, 6}, d1.monthly());
        assertEquals(Map.of("Pothole", 14, "Trash", 2), d1.typeCounts());
        assertEquals(Map.of("Pothole", 1, "Trash", 1), d1.weeklyTypeCounts().get(11));
        DistrictSeries d5 = series.district(4);
        assertArrayEquals(new int[] {2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2}, d5.weekly());
        assertArrayEquals(new int[] {9, 9, 9}, d5.monthly());
        assertArrayEquals(new double[] {9.0 / 31, 9.0 / 30, 9.0 / 31}, d5.monthRates(), 1e-15);
        assertEquals(0, series.times().weekIndex()[indexOf("D5-mon-end")]);
        assertEquals(91, series.times().dayIndex()[indexOf("D5-mon-end")]);
        // Monday 14/14 = Thursday 13/13 = 1 per day: the tie goes to Monday
        assertEquals(0, d5.peakDay());
    }

    @Test
    void busiestHourOfADayAndActiveDays() {
        DistrictSeries d3 = series.district(2);
        assertEquals(14, d3.busiestHour(52)); // 14:05, 14:40, 16:10
        assertEquals(-1, d3.busiestHour(51));
        assertEquals(1, d3.activeDays());
        assertEquals(-1, series.district(3).peakHour());
        assertEquals(-1, series.district(3).peakDay());
    }

    private int indexOf(String id) {
        for (int r = 0; r < snapshot.requests().size(); r++) if (snapshot.requests().get(r).requestId().equals(id)) return r;
        throw new AssertionError(id);
    }
}
