package org.gpkg311.generator;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.gpkg311.generator.common.LayerSpec;
import org.gpkg311.table.Column;
import org.junit.jupiter.api.Test;

/**
 * Spec "Columns": one quantity has one name, alias and description in every file that carries it. Over the
 * declared schema of all eleven generators, a column name comes with the same type, alias and description in
 * every layer of the same kind (district layers, request layers, the cells layer: {@code requestCount} of a cell
 * is the cell's own count), and a request layer's district context is spelled as in the district layer; no two
 * names share an alias (two spellings of one quantity would).
 */
class OneNamePerQuantityTest {

    /** The spec gives these names to the analogous column of two different composites (risk and opportunity). */
    static final java.util.Set<String> ONE_NAME_PER_COMPOSITE = java.util.Set.of("priorityLabel", "weightResponse");

    static String kind(LayerSpec<?> layer) {
        return layer.kind() == LayerSpec.Kind.EXTRA ? layer.name() : layer.kind().name();
    }

    @Test
    void aColumnNameMeansOneThingEverywhere() {
        List<String> conflictsOfContext = new ArrayList<>();
        Map<String, Map<String, List<String>>> spellings = new TreeMap<>();
        for (Generator g : Generators.all())
            for (LayerSpec<?> layer : g.schema())
                for (Column c : layer.columns()) {
                    if (ONE_NAME_PER_COMPOSITE.contains(c.name())) continue;
                    spellings.computeIfAbsent(kind(layer) + " " + c.name(), k -> new LinkedHashMap<>())
                            .computeIfAbsent(c.type() + " | " + c.alias() + " | " + c.description(), k -> new ArrayList<>())
                            .add(layer.name());
                }
        // District context in request layers: the same spelling as the district layer's column.
        for (Generator g : Generators.all()) {
            LayerSpec<?> districts = g.schema().stream().filter(l -> l.kind() == LayerSpec.Kind.DISTRICTS).findFirst().orElseThrow();
            for (LayerSpec<?> layer : g.schema()) {
                if (layer.kind() != LayerSpec.Kind.REQUESTS) continue;
                for (var b : layer.bindings()) {
                    if (!b.districtContext()) continue;
                    districts.columns().stream().filter(c -> c.name().equals(b.name())).findFirst().ifPresent(c -> {
                        if (!c.equals(b.column())) conflictsOfContext.add(layer.name() + "." + b.name() + ": " + b.column() + " vs " + c);
                    });
                }
            }
        }
        List<String> conflicts = new ArrayList<>(conflictsOfContext);
        spellings.forEach((name, forms) -> {
            if (forms.size() > 1) conflicts.add(name + ": " + forms);
        });
        assertTrue(conflicts.isEmpty(), () -> conflicts.size() + " names with more than one alias/description/type:\n"
                + String.join("\n", conflicts));
    }

    @Test
    void noTwoNamesShareAnAlias() {
        Map<String, java.util.Set<String>> names = new TreeMap<>();
        for (Generator g : Generators.all())
            for (LayerSpec<?> layer : g.schema())
                for (Column c : layer.columns()) names.computeIfAbsent(c.alias(), k -> new java.util.TreeSet<>()).add(c.name());
        List<String> shared = new ArrayList<>();
        names.forEach((alias, ns) -> {
            if (ns.size() > 1) shared.add("\"" + alias + "\": " + ns);
        });
        assertTrue(shared.isEmpty(), () -> "aliases used by several names:\n" + String.join("\n", shared));
    }
}
