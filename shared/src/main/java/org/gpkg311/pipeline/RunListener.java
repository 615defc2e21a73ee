package org.gpkg311.pipeline;

import java.util.Map;

/**
 * Hears the pipeline's progress: the CLI prints it on stderr, the Lambdas log it as JSON lines.
 *
 * @see #stage(String, String, Map, long)
 */
@FunctionalInterface
public interface RunListener {

    /**
     * A stage has finished.
     *
     * @param scope   "snapshot" or a generator name
     * @param stage   e.g. "read", "clean", "generate", "write", "verify", "publish"
     * @param counts  what the stage counted (rows, layers, bytes)
     * @param millis  wall time of the stage
     */
    void stage(String scope, String stage, Map<String, Object> counts, long millis);

    RunListener SILENT = (scope, stage, counts, millis) -> { };
}
