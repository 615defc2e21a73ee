package org.gpkg311.snapshot;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.gpkg311.clean.ParsedRequest;
import org.gpkg311.clean.RejectionCounter;
import org.gpkg311.clean.RejectionReason;
import org.gpkg311.clean.RowCleaner;
import org.gpkg311.geo.DistrictIndex;
import org.gpkg311.model.District;
import org.gpkg311.model.ServiceRequest;
import org.gpkg311.profile.CityProfile;
import org.gpkg311.read.RawSource;
import org.gpkg311.read.RequestReader;
import org.gpkg311.read.RunRefusedException;
import org.locationtech.jts.geom.Envelope;

/**
 * Raw objects + district polygons → the run's {@link Snapshot}: read every source in the given order,
 * clean and join each row, keep the latest version of each request id (in columns, {@link LatestVersions}), fix asOf and the window,
 * resolve each request's status at asOf, and account for every row in the {@link QualityReport}
 * (rowsRead = accepted + rejected + outside the window).
 */
public final class SnapshotBuilder {

    /** Label of the status text given to a request whose recorded closure lies after asOf. */
    static final String OPEN_AT_AS_OF = "Open";
    static final String CLOSED_AT_AS_OF = "Closed";

    private SnapshotBuilder() {}

    /**
     * @param sources   raw objects, read in this order (a later source wins a tie between two versions)
     * @param districts the district polygons (any order; the snapshot holds them sorted by id)
     * @param asOf      the run's asOf instant, or null for the latest open time among the valid rows
     * @param clock     the run's clock instant: rows opened after it are rejected (it never sets asOf or the window)
     * @throws org.gpkg311.read.InputFormatException when a source cannot be read at all
     * @throws RunRefusedException when there is nothing to publish: no rows, every row rejected, or no accepted
     *                             request in the window, or district polygons that contain none of the points
     */
    public static Snapshot build(List<RawSource> sources, List<District> districts, CityProfile profile,
                                 Instant asOf, Instant clock, String runId) throws IOException {
        Objects.requireNonNull(clock, "clock");
        List<District> sorted = districts.stream().sorted(Comparator.comparingInt(District::id)).toList();
        Set<Integer> ids = new HashSet<>();
        for (District d : sorted) ids.add(d.id());
        DistrictIndex index = new DistrictIndex(sorted);

        RejectionCounter counter = new RejectionCounter();
        RowCleaner cleaner = new RowCleaner(profile, index::locate, ids, clock, counter);
        RequestReader reader = new RequestReader(profile);
        LatestVersions latest = new LatestVersions();
        long[] rowsRead = {0};
        List<String> sourceNames = new ArrayList<>();
        for (int s = 0; s < sources.size(); s++) {
            RawSource source = sources.get(s);
            if (source.isSkipped()) {
                counter.note(source.skipNote());
                continue;
            }
            sourceNames.add(source.name());
            int sourceIndex = s;
            reader.read(source, row -> {
                rowsRead[0]++;
                ParsedRequest p = cleaner.clean(row, sourceIndex);
                if (p != null && !latest.offer(p)) counter.reject(RejectionReason.DUPLICATE);
            });
        }

        String what = describe(sourceNames);
        if (rowsRead[0] == 0) {
            throw new RunRefusedException(what, "run refused: no request rows in " + what
                    + " (empty or header only); nothing is published");
        }
        refuseDistrictsWithoutPoints(latest, counter.count(RejectionReason.OUTSIDE_DISTRICTS), sorted);
        if (latest.size() == 0) {
            throw new RunRefusedException(what, "run refused: all " + rowsRead[0] + " rows of " + what
                    + " were rejected (" + reasons(counter) + "); nothing is published");
        }
        // asOf comes from the data (or the caller), never from the clock: a run without data has no asOf.
        Instant effectiveAsOf = asOf;
        if (effectiveAsOf == null) {
            effectiveAsOf = openedRange(latest)[1];
        }
        Window window = Window.endingAt(effectiveAsOf, profile.zone());
        Instant start = window.start();

        int[] kept = new int[latest.size()];
        int n = 0;
        long outside = 0;
        for (int r = 0; r < latest.size(); r++) {
            Instant opened = latest.openedAt(r);
            if (opened.isBefore(start) || opened.isAfter(effectiveAsOf)) {
                outside++;
                continue;
            }
            counter.notes(latest.notes(r));
            kept[n++] = r;
        }
        if (n == 0) {
            Instant[] range = openedRange(latest);
            throw new RunRefusedException(what, "run refused: no accepted request in the window " + window.startDate()
                    + " .. " + window.endDate() + " (asOf " + effectiveAsOf + "); the " + latest.size()
                    + " accepted requests of " + what + " open from " + range[0] + " to " + range[1] + "; nothing is published");
        }
        kept = java.util.Arrays.copyOf(kept, n);
        IndexSort.sort(kept, latest::compareOrder);
        RequestColumns.Builder requests = new RequestColumns.Builder(n);
        for (int r : kept) requests.add(resolveAt(latest.get(r), effectiveAsOf, profile));

        QualityReport quality = new QualityReport(sourceNames, rowsRead[0], n, outside,
                counter.rejectedByLabel(), counter.notesByLabel());
        return new Snapshot(runId, profile.city(), window, sorted, requests.build(), quality);
    }

    /**
     * Refuses polygons that contain none of the points (lon/lat swapped, another city's districts): then every point
     * would be rejected or kept by its district field alone, and no point statistic means anything.
     *
     * @param outsideRejected rows rejected because their point lies in no district and they have no district field
     */
    private static void refuseDistrictsWithoutPoints(LatestVersions kept, long outsideRejected,
                                                     List<District> districts) throws RunRefusedException {
        Envelope points = new Envelope();
        long withPoint = outsideRejected;
        for (int r = 0; r < kept.size(); r++) {
            ServiceRequest p = kept.get(r);
            if (p.located()) return;
            if (Double.isNaN(p.latitude())) continue;
            withPoint++;
            points.expandToInclude(p.longitude(), p.latitude());
        }
        if (withPoint == 0) return;
        Envelope polygons = new Envelope();
        for (District d : districts) polygons.expandToInclude(d.geometry().getEnvelopeInternal());
        throw new RunRefusedException("districts", "run refused: none of the " + withPoint + " requests with coordinates"
                + " lies inside any of the " + districts.size() + " district polygons (polygons span " + span(polygons)
                + (points.isNull() ? "" : "; the kept points span " + span(points))
                + "): are the polygons' lon/lat swapped, or from another city?");
    }

    /** The earliest and the latest open time of the kept rows. */
    private static Instant[] openedRange(LatestVersions latest) {
        Instant first = latest.openedAt(0), last = first;
        for (int r = 1; r < latest.size(); r++) {
            Instant t = latest.openedAt(r);
            if (t.isBefore(first)) first = t;
            if (t.isAfter(last)) last = t;
        }
        return new Instant[] {first, last};
    }

    private static String span(Envelope e) {
        return String.format(java.util.Locale.ROOT, "lon %.3f .. %.3f, lat %.3f .. %.3f",
                e.getMinX(), e.getMaxX(), e.getMinY(), e.getMaxY());
    }

    /** The sources for a message: all names when few, else the first three and how many more. */
    private static String describe(List<String> names) {
        if (names.isEmpty()) return "no input objects";
        if (names.size() <= 3) return String.join(", ", names);
        return String.join(", ", names.subList(0, 3)) + " and " + (names.size() - 3) + " more";
    }

    /** The non-zero rejection counts, e.g. "missing open time 3, invalid coordinates (…) 2". */
    private static String reasons(RejectionCounter counter) {
        StringBuilder out = new StringBuilder();
        for (RejectionReason r : RejectionReason.values()) {
            long n = counter.count(r);
            if (n == 0) continue;
            if (!out.isEmpty()) out.append(", ");
            out.append(r.label()).append(' ').append(n);
        }
        return out.toString();
    }

    /**
     * Status at asOf (spec "Status"): closed when closedAt ≤ asOf, or without any closedAt when the status
     * text is a closed one; a closure after asOf is ignored (open, closedAt null). A missing status text,
     * or a closed text for a request open at asOf, is replaced by "Open"/"Closed".
     */
    static ServiceRequest resolveAt(ServiceRequest p, Instant asOf, CityProfile profile) {
        Instant closedAt = p.closedAt() != null && !p.closedAt().isAfter(asOf) ? p.closedAt() : null;
        boolean closed = closedAt != null || (p.closedAt() == null && profile.isClosedStatus(p.status()));
        String status = p.status();
        if (status == null) status = closed ? CLOSED_AT_AS_OF : OPEN_AT_AS_OF;
        else if (!closed && profile.isClosedStatus(status)) status = OPEN_AT_AS_OF;
        return new ServiceRequest(p.requestId(), p.requestType(), p.subrequestType(), p.additionalSubrequestType(),
                status, !closed, p.openedAt(), closedAt, p.origin(), p.address(), p.city(), p.zipCode(),
                p.latitude(), p.longitude(), p.districtId(), p.located());
    }
}
