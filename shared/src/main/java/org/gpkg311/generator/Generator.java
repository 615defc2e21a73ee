package org.gpkg311.generator;

import org.gpkg311.snapshot.Snapshot;

/**
 * One analysis that becomes one GeoPackage ({@code gpkg-public/<name>/<name>.gpkg}).
 * Implementations are pure: the same snapshot and settings give the same output.
 */
public interface Generator {

    /** camelCase name, also the file and folder name, e.g. "serviceEfficiency". */
    String name();

    /** Version of the generator's definitions; bumped when a metric changes meaning. */
    String version();

    /** One sentence: the question the GeoPackage answers (README, JSON summary, RunInfo). */
    String summary();

    /** The district column a map of this analysis shows first (the preview beside the GeoPackage). */
    String headlineColumn();

    GeneratorOutput generate(Snapshot snapshot, RunSettings settings);
}
