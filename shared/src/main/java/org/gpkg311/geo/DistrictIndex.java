package org.gpkg311.geo;

import java.util.List;
import org.gpkg311.model.District;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Point-in-district join of the spec: the district whose polygon covers the point; a point on a shared boundary goes
 * to the lowest district id; -1 outside every district. An STR-tree over the district envelopes picks candidates and a
 * prepared polygon answers covers() (interior or boundary). Built once, then safe for concurrent {@link #locate}.
 */
public final class DistrictIndex {

    private static final GeometryFactory LON_LAT = new GeometryFactory(new PrecisionModel(), 4326);

    private final STRtree tree = new STRtree();
    private final int size;

    private record Entry(int id, PreparedGeometry polygon) {
    }

    public DistrictIndex(List<District> districts) {
        for (District district : districts) {
            Envelope env = district.geometry().getEnvelopeInternal();
            tree.insert(env, new Entry(district.id(), PreparedGeometryFactory.prepare(district.geometry())));
        }
        size = districts.size();
        tree.build(); // build eagerly: the lazy build on first query is not thread-safe
    }

    /** The id of the district covering (lon, lat), the lowest such id on shared boundaries, or -1. */
    public int locate(double lon, double lat) {
        if (size == 0 || Double.isNaN(lon) || Double.isNaN(lat)) {
            return -1;
        }
        Point point = LON_LAT.createPoint(new Coordinate(lon, lat));
        int[] best = {Integer.MAX_VALUE};
        tree.query(new Envelope(lon, lon, lat, lat), item -> {
            Entry e = (Entry) item;
            if (e.id < best[0] && e.polygon.covers(point)) {
                best[0] = e.id;
            }
        });
        return best[0] == Integer.MAX_VALUE ? -1 : best[0];
    }
}
