package org.gpkg311.geo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The files of one shapefile, found by extension beside the {@code .shp} (a folder, an S3 prefix, a test's
 * byte arrays): {@code .shp} geometry, {@code .dbf} attributes, {@code .prj} coordinate system, {@code .cpg}
 * text encoding ({@code .shx}, the record index, is not needed to read the records in order).
 */
public interface ShapefileParts {

    /** The name of the part for messages, e.g. {@code boundaries/nashvilleCouncilDistricts/districts.dbf}. */
    String name(String extension);

    /** Opens the part with this extension ("shp", "dbf", "prj", "cpg"), or returns null when it is absent. */
    InputStream open(String extension) throws IOException;

    /** The part's bytes, or null when it is absent. */
    default byte[] read(String extension) throws IOException {
        try (InputStream in = open(extension)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    /** The parts beside a local {@code .shp} file (same base name, extension in lower case). */
    static ShapefileParts beside(Path shp) {
        String file = shp.getFileName().toString();
        String base = file.substring(0, file.length() - ".shp".length());
        return new ShapefileParts() {
            @Override
            public String name(String extension) {
                return shp.resolveSibling(base + "." + extension).toString();
            }

            @Override
            public InputStream open(String extension) throws IOException {
                Path p = shp.resolveSibling(base + "." + extension);
                return Files.isRegularFile(p) ? Files.newInputStream(p) : null;
            }
        };
    }
}
