package org.gpkg311.generator;

/**
 * Settings of a run that generators may read. Generators are pure functions of the snapshot and
 * these settings: no clock, file, network or environment access.
 *
 * @param seed seed of every random process (k-means restarts, permutation tests)
 */
public record RunSettings(long seed) {

    public static final long DEFAULT_SEED = 311L;

    public static RunSettings defaults() {
        return new RunSettings(DEFAULT_SEED);
    }
}
