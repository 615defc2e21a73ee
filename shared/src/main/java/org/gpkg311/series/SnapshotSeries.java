package org.gpkg311.series;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.gpkg311.model.ServiceRequest;
import org.gpkg311.snapshot.Snapshot;
import org.gpkg311.snapshot.Window;

/**
 * The time series of a whole snapshot, built in one pass over its requests: the window calendar,
 * each request's local-time facts and one {@link DistrictSeries} per district (snapshot order).
 */
public record SnapshotSeries(WindowCalendar calendar, RequestTimes times, List<DistrictSeries> districts) {

    /** Type key of a request without a request type (cleaning normally rejects those). */
    public static final String NO_TYPE = "(no type)";

    public DistrictSeries district(int index) {
        return districts.get(index);
    }

    /** Builds the series (a run computes it once: the generators ask the run context for it). */
    public static SnapshotSeries compute(Snapshot snapshot) {
        Window window = snapshot.window();
        WindowCalendar cal = WindowCalendar.of(window);
        int days = cal.dayCount();
        int weeks = cal.fullWeekCount();
        int nd = snapshot.districts().size();
        Accumulator[] acc = new Accumulator[nd];
        for (int i = 0; i < nd; i++) acc[i] = new Accumulator(days, weeks);

        List<ServiceRequest> requests = snapshot.requests();
        int n = requests.size();
        int[] districtOf = snapshot.requestDistrictIndexes();
        int[] dayIndex = new int[n], hour = new int[n], dow = new int[n], week = new int[n], month = new int[n];
        int[] closeDay = new int[n];
        Instant asOf = window.asOf();
        for (int r = 0; r < n; r++) {
            ServiceRequest q = requests.get(r);
            ZonedDateTime local = window.local(q.openedAt());
            int day = window.dayIndex(q.openedAt());
            if (day < 0 || day >= days) {
                throw new IllegalStateException("request " + q.requestId() + " opened at " + q.openedAt()
                        + ", outside the window " + window.startDate() + " .. " + window.endDate());
            }
            dayIndex[r] = day;
            hour[r] = local.getHour();
            dow[r] = cal.dayOfWeekOfDay()[day];
            week[r] = cal.weekOfDay()[day];
            month[r] = cal.monthOfDay()[day];
            closeDay[r] = closeDay(q, window, asOf, days);
            acc[districtOf[r]].add(day, hour[r], dow[r], week[r], month[r], closeDay[r],
                    Objects.requireNonNullElse(q.requestType(), NO_TYPE));
        }
        List<DistrictSeries> out = new ArrayList<>(nd);
        for (Accumulator a : acc) out.add(a.build(cal));
        return new SnapshotSeries(cal, new RequestTimes(dayIndex, hour, dow, week, month, closeDay), out);
    }

    /** Window day of a closure at or before asOf, or -1 (open, no close time, or a close outside the window's days). */
    private static int closeDay(ServiceRequest q, Window window, Instant asOf, int days) {
        if (q.open() || q.closedAt() == null || q.closedAt().isAfter(asOf)) return -1;
        int d = window.dayIndex(q.closedAt());
        return d >= 0 && d < days ? d : -1;
    }

    /** Mutable per-district counters of the single pass. */
    private static final class Accumulator {
        final int[] dailyIntake, dailyClosures, dayHour, weekly;
        final int[] hourly = new int[24], weekday = new int[7], hourOfWeek = new int[HourOfWeek.SLOTS];
        final int[] daypart = new int[Daypart.values().length], monthly = new int[3];
        final Map<String, Integer> types = new HashMap<>();
        final List<Map<String, Integer>> weeklyTypes = new ArrayList<>();
        int requests;

        Accumulator(int days, int weeks) {
            dailyIntake = new int[days];
            dailyClosures = new int[days];
            dayHour = new int[days * 24];
            weekly = new int[weeks];
            for (int w = 0; w < weeks; w++) weeklyTypes.add(new HashMap<>());
        }

        void add(int day, int hour, int dow, int week, int month, int closeDay, String type) {
            requests++;
            dailyIntake[day]++;
            dayHour[day * 24 + hour]++;
            hourly[hour]++;
            weekday[dow]++;
            hourOfWeek[HourOfWeek.slot(dow, hour)]++;
            daypart[Daypart.of(hour).ordinal()]++;
            monthly[month - 1]++;
            types.merge(type, 1, Integer::sum);
            if (week > 0) {
                weekly[week - 1]++;
                weeklyTypes.get(week - 1).merge(type, 1, Integer::sum);
            }
            if (closeDay >= 0) dailyClosures[closeDay]++;
        }

        DistrictSeries build(WindowCalendar cal) {
            List<Map<String, Integer>> wt = new ArrayList<>(weeklyTypes.size());
            for (Map<String, Integer> m : weeklyTypes) wt.add(Collections.unmodifiableMap(new TreeMap<>(m)));
            return new DistrictSeries(cal, requests, dailyIntake, dailyClosures, hourly, weekday, hourOfWeek, daypart,
                    weekly, monthly, dayHour, Collections.unmodifiableMap(new TreeMap<>(types)), List.copyOf(wt));
        }
    }
}
