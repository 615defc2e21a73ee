package org.gpkg311.invariants;

import java.util.LinkedHashMap;
import java.util.Map;

import org.gpkg311.generator.Generator;
import org.gpkg311.generator.GeneratorOutput;
import org.gpkg311.generator.Generators;
import org.gpkg311.generator.RunContext;
import org.gpkg311.generator.RunSettings;
import org.gpkg311.snapshot.Snapshot;

/**
 * One synthetic city and the eleven files of one run on it, made as the pipeline makes them: one run context
 * shared by every generator. A generator that throws is remembered with its exception, so that the invariants
 * of the other generators still run and the failing one is reported by name.
 */
final class City {

    enum Kind { SAMPLE, STRUCTURELESS, SPARSE, SINGLE_TYPE, EMPTY_DISTRICTS }

    final String name;
    final Kind kind;
    final Snapshot snapshot;
    final Map<String, GeneratorOutput> outputs = new LinkedHashMap<>();
    final Map<String, RuntimeException> failures = new LinkedHashMap<>();
    /** Wall time of each generator's generate call (facts shared in the context count for the first asker). */
    final Map<String, Long> nanos = new LinkedHashMap<>();

    City(String name, Kind kind, Snapshot snapshot) {
        this.name = name;
        this.kind = kind;
        this.snapshot = snapshot;
        RunContext context = new RunContext(snapshot, RunSettings.defaults());
        for (Generator g : Generators.all()) {
            long t0 = System.nanoTime();
            try {
                outputs.put(g.name(), g.generate(context));
                nanos.put(g.name(), System.nanoTime() - t0);
            } catch (RuntimeException e) {
                failures.put(g.name(), e);
            }
        }
    }

    /** The output of a generator, or an AssertionError naming why there is none. */
    GeneratorOutput output(String generator) {
        GeneratorOutput o = outputs.get(generator);
        if (o == null) throw new AssertionError(name + ": " + generator + " failed to generate: " + failures.get(generator), failures.get(generator));
        return o;
    }

    @Override
    public String toString() {
        return name;
    }
}
