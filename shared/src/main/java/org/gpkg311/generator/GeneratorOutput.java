package org.gpkg311.generator;

import java.util.List;

import org.gpkg311.provenance.Provenance;
import org.gpkg311.table.Table;

/**
 * What one generator produced: its layers (districts first, then requests, then any extra layer)
 * and the provenance facts it adds to the run's common ones.
 */
public record GeneratorOutput(String generator, String version, List<Table> layers, Provenance provenance) {

    public GeneratorOutput {
        layers = List.copyOf(layers);
    }

    public Table layer(String name) {
        return layers.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(generator + " has no layer " + name));
    }
}
