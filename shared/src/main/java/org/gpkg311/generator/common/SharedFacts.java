package org.gpkg311.generator.common;

import org.gpkg311.generator.RunContext.Fact;
import org.gpkg311.series.SnapshotSeries;
import org.gpkg311.spatial.SnapshotPoints;

/** Facts of a run that several generators read: computed once per run by the {@code RunContext}. */
public final class SharedFacts {

    /** The local-time series of every district. */
    public static final Fact<SnapshotSeries> SERIES = new Fact<>("series", c -> SnapshotSeries.compute(c.snapshot()));

    /** The located requests on the LAEA plane with their within-district nearest-neighbour distances. */
    public static final Fact<SnapshotPoints> POINTS = new Fact<>("points", c -> SnapshotPoints.compute(c.snapshot()));

    /** Requests per district (snapshot district order), rows without coordinates included. */
    public static final Fact<int[]> REQUEST_COUNTS = new Fact<>("requestCounts", c -> DistrictLayer.requestCounts(c.snapshot()));

    private SharedFacts() {}
}
