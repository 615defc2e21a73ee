package org.gpkg311.generator.common;

import java.util.ArrayList;
import java.util.List;

import org.gpkg311.model.District;
import org.gpkg311.snapshot.Snapshot;
import org.gpkg311.table.Column;
import org.gpkg311.table.GeometryKind;
import org.gpkg311.table.Table;

/** The {@code <name>Districts} layer: one row per district (row i = snapshot district i), base columns filled. */
public final class DistrictLayer {

    public static final List<Column> BASE_COLUMNS = List.of(
            Column.integer("districtId", "District", "Council district number from the city's district polygons."),
            Column.text("districtName", "District Name", "Name of the council district."),
            Column.text("representativeName", "Council Member", "Council member representing the district, from the district polygons; empty when the city's data has none."),
            Column.real("areaSqKm", "Area (km²)", "Geodesic area of the district on the WGS84 ellipsoid, in square kilometres."),
            Column.real("areaSqMi", "Area (sq mi)", "Geodesic area of the district on the WGS84 ellipsoid, in square miles."),
            Column.real("centroidLon", "Centroid Longitude", "Longitude of the district's centroid (an interior point when the centroid falls outside the polygon)."),
            Column.real("centroidLat", "Centroid Latitude", "Latitude of the district's centroid (an interior point when the centroid falls outside the polygon)."),
            Column.integer("requestCount", "Requests", "Service requests opened in the window and joined to this district, with or without coordinates."));

    private DistrictLayer() {}

    public static String layerName(String generator) {
        return generator + "Districts";
    }

    /** Creates the layer with the base columns followed by {@code metrics}, one filled row per district. */
    public static Table create(String generator, String summary, Snapshot snapshot, List<Column> metrics) {
        return named(layerName(generator), description(summary), snapshot, metrics);
    }

    /** gpkg_contents.description of a district layer. */
    public static String description(String summary) {
        return summary + " One row per council district.";
    }

    static Table named(String name, String description, Snapshot snapshot, List<Column> metrics) {
        List<Column> columns = new ArrayList<>(BASE_COLUMNS);
        columns.addAll(metrics);
        Table table = new Table(name, GeometryKind.MULTIPOLYGON, description, columns);
        int[] counts = requestCounts(snapshot);
        for (int i = 0; i < snapshot.districts().size(); i++) {
            District d = snapshot.districts().get(i);
            table.addRow(d.geometry())
                    .set("districtId", d.id())
                    .set("districtName", d.name())
                    .set("representativeName", d.representative())
                    .set("areaSqKm", d.areaSqKm())
                    .set("areaSqMi", d.areaSqMi())
                    .set("centroidLon", d.centroidLon())
                    .set("centroidLat", d.centroidLat())
                    .set("requestCount", counts[i]);
        }
        return table;
    }

    /** Requests per district (snapshot district order), rows without coordinates included; generators ask the run context ({@code SharedFacts.REQUEST_COUNTS}). */
    static int[] requestCounts(Snapshot snapshot) {
        int[] counts = new int[snapshot.districts().size()];
        for (int i : snapshot.requestDistrictIndexes()) counts[i]++;
        return counts;
    }
}
