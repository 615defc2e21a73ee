package org.gpkg311.snapshot;

import java.util.List;

import org.gpkg311.model.District;
import org.gpkg311.model.ServiceRequest;

/**
 * The one prepared input of a run: the cleaned requests opened in the window, each joined to its
 * district, the district polygons, and the data-quality report. Every generator of a run reads the
 * same snapshot, so all files of a run describe the same data.
 *
 * @param districts ordered by district id
 * @param columns   the requests, ordered by openedAt, then requestId (a stable order makes reruns identical)
 */
public record Snapshot(String runId, String cityName, Window window, List<District> districts,
                       RequestColumns columns, QualityReport quality) {

    /** Bumped whenever the serialised form changes; readers refuse other versions. 2: columnar requests. */
    public static final int FORMAT_VERSION = 2;

    public Snapshot {
        districts = List.copyOf(districts);
    }

    /** A snapshot of requests given as records (tests, small hand-made snapshots). */
    public Snapshot(String runId, String cityName, Window window, List<District> districts,
                    List<ServiceRequest> requests, QualityReport quality) {
        this(runId, cityName, window, districts, RequestColumns.of(requests), quality);
    }

    /** The requests as records, a view made row by row on {@code get} (nothing retained per request). */
    public List<ServiceRequest> requests() {
        return columns.asList();
    }

    /** Index of a district id in {@link #districts()}, or -1. */
    public int districtIndex(int districtId) {
        for (int i = 0; i < districts.size(); i++) {
            if (districts.get(i).id() == districtId) return i;
        }
        return -1;
    }

    /**
     * For each request (same order as {@link #requests()}), the index of its district in {@link #districts()};
     * a new array on every call.
     */
    public int[] requestDistrictIndexes() {
        java.util.Map<Integer, Integer> byId = new java.util.HashMap<>();
        for (int i = 0; i < districts.size(); i++) byId.put(districts.get(i).id(), i);
        int[] out = new int[columns.size()];
        for (int r = 0; r < out.length; r++) {
            Integer i = byId.get(columns.districtId(r));
            if (i == null) throw new IllegalStateException("request " + columns.requestId(r) + " names district "
                    + columns.districtId(r) + ", which the snapshot does not hold");
            out[r] = i;
        }
        return out;
    }
}
