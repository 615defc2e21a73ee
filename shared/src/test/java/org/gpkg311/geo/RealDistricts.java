package org.gpkg311.geo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.gpkg311.model.District;

/** The real 2022 Nashville council districts bundled as a resource, loaded once for all geo tests. */
final class RealDistricts {

    static final String RESOURCE = "/sample/council-districts-2022.geojson";

    private static List<District> cached;

    private RealDistricts() {
    }

    static synchronized List<District> get() {
        if (cached == null) {
            try (InputStream in = RealDistricts.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing test resource " + RESOURCE);
                }
                cached = DistrictLoader.load(in, RESOURCE, DistrictFields.nashville());
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        return cached;
    }

    static District byId(int id) {
        return get().stream().filter(d -> d.id() == id).findFirst().orElseThrow();
    }
}
