package org.gpkg311.generator;

import java.util.List;

import org.gpkg311.generator.common.LayerSpec;
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

    /** The layers and their bound columns, without data (docs, tests and the writer read the same list). */
    List<LayerSpec<?>> schema();

    /** The output for one run; facts shared with other generators come from {@code context}. */
    GeneratorOutput generate(RunContext context);

    /** A run of this generator alone (its own context: nothing shared with other generators). */
    default GeneratorOutput generate(Snapshot snapshot, RunSettings settings) {
        return generate(new RunContext(snapshot, settings));
    }
}
