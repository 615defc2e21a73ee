package org.gpkg311.sample;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.gpkg311.geo.DistrictFields;
import org.gpkg311.geo.DistrictLoader;
import org.gpkg311.model.District;
import org.gpkg311.profile.CityProfile;
import org.gpkg311.read.RawSource;
import org.gpkg311.snapshot.Snapshot;
import org.gpkg311.snapshot.SnapshotBuilder;

/** The snapshot of a written sample city, built as a run builds it (Nashville's profile, the default asOf). */
public final class SampleSnapshots {

    private SampleSnapshots() {}

    public static Snapshot of(SampleCity.Written w, String runId) throws IOException {
        List<District> districts;
        try (InputStream in = Files.newInputStream(w.districts())) {
            districts = DistrictLoader.load(in, w.districts().toString(), DistrictFields.nashville());
        }
        List<RawSource> sources = new ArrayList<>();
        for (Path p : w.rawFiles()) sources.add(RawSource.of(p));
        return SnapshotBuilder.build(sources, districts, CityProfile.nashville(), null,
                Instant.parse("2026-01-01T00:00:00Z"), runId);
    }
}
