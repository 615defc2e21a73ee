package org.gpkg311.pipeline;

import org.gpkg311.sample.PlantedStructure;
import org.gpkg311.sample.SampleCity;
import java.util.Map;

import org.gpkg311.generator.Generator;
import org.gpkg311.generator.RunSettings;
import org.gpkg311.provenance.Provenance;
import org.gpkg311.snapshot.QualityReport;
import org.gpkg311.snapshot.Snapshot;

/** The provenance facts every GeoPackage of a run shares: who, when, from what, and what was rejected. */
public final class RunProvenance {

    private RunProvenance() {}

    /** A camelCase key from a reason's label: "opened in the future (after …)" → "openedInTheFuture". */
    static String key(String label) {
        String words = label.replaceAll("\\(.*", "").replaceAll("[^A-Za-z0-9 ]", " ").strip();
        StringBuilder key = new StringBuilder();
        for (String w : words.split("\\s+")) {
            if (w.isEmpty()) continue;
            key.append(key.length() == 0 ? w.toLowerCase(java.util.Locale.ROOT)
                    : Character.toUpperCase(w.charAt(0)) + w.substring(1).toLowerCase(java.util.Locale.ROOT));
        }
        return key.toString();
    }

    public static Provenance of(Generator generator, Snapshot snapshot, RunSettings settings) {
        QualityReport q = snapshot.quality();
        Provenance p = new Provenance()
                .add("generator", generator.name(), "Name of the analysis that produced this file.")
                .add("generatorVersion", generator.version(), "Version of the analysis definitions.")
                .add("summary", generator.summary(), "The question this file answers.")
                .add("runId", snapshot.runId(), "Identifier of the run; every file of one run shares it and the same snapshot.")
                .add("city", snapshot.cityName(), "City profile the data was read with.")
                .add("asOf", snapshot.window().asOf(), "Instant the analysis describes (UTC); default the latest opening time in the data.")
                .add("windowStart", snapshot.window().start(), "First instant of the window: local midnight of the first day (UTC).")
                .add("windowStartDate", snapshot.window().startDate(), "First local day of the window.")
                .add("windowEndDate", snapshot.window().endDate(), "Last local day of the window (the as-of date).")
                .add("windowDays", snapshot.window().dayCount(), "Local days in the window: three calendar months ending on the as-of date.")
                .add("timeZone", snapshot.window().zone(), "Local time zone of hours, weekdays and days.")
                .add("seed", settings.seed(), "Seed of every random process (k-means restarts, permutation tests).")
                .add("snapshotFormatVersion", Snapshot.FORMAT_VERSION, "Version of the snapshot format the generators read.")
                .add("sources", String.join(", ", q.sources()), "Input objects read.")
                .add("rowsRead", q.rowsRead(), "Raw rows read from all sources.")
                .add("rowsAccepted", q.rowsAccepted(), "Rows in the window that entered the analysis.")
                .add("rowsOutsideWindow", q.rowsOutsideWindow(), "Valid rows opened outside the window (not errors; not analysed).")
                .add("rowsRejected", q.rowsRejected(), "Rows rejected, all reasons together.");
        for (Map.Entry<String, Long> e : q.rejectedByReason().entrySet()) {
            p.add("rejected." + key(e.getKey()), e.getValue(), "Rows rejected: " + e.getKey() + ".");
        }
        for (Map.Entry<String, Long> e : q.notes().entrySet()) {
            p.add("note." + key(e.getKey()), e.getValue(), "Rows counted for the data-quality report: " + e.getKey() + ".");
        }
        if (SampleCity.madeAllOf(q.sources())) {
            p.add("sampleData", PlantedStructure.DESCRIPTION,
                    "This run read the bundled synthetic sample city (files named *" + SampleCity.FILE_MARK + "*), not real requests.");
        }
        p.add("joinRule", "the point decides the district; a point on a shared boundary goes to the lowest district id",
                "How requests are joined to districts (JTS prepared polygons).");
        p.add("areaMethod", "geodesic on the WGS84 ellipsoid (GeographicLib)", "How district areas and distances are measured.");
        p.add("planarMethod", "Lambert azimuthal equal-area on WGS84, centred on the districts' bounding box",
                "The plane used for centroids, grids, snapping and convex hulls.");
        return p.add("pointLayerRule",
                "requests without coordinates, or whose point lies outside every district, count in district statistics by their district field and are left out of the point layer and of point statistics",
                "Which requests appear as points.");
    }
}
