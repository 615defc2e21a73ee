package org.gpkg311.generator.common;

import java.util.ArrayList;
import java.util.List;

import org.gpkg311.generator.GeneratorOutput;
import org.gpkg311.generator.RunContext;
import org.gpkg311.provenance.Provenance;
import org.gpkg311.spatial.CategoryFacts;
import org.gpkg311.table.Table;

/**
 * A generator whose layers are lists of bound columns: it computes its facts {@code F} from the run
 * context, and every layer is written from the same declarations that the docs and tests read.
 */
public abstract class BoundGenerator<F> extends GeneratorBase {

    private final List<LayerSpec<F>> layers;

    /** A generator with the usual two layers (districts, requests) and any {@code extra} ones, from their bindings. */
    @SafeVarargs
    protected BoundGenerator(String name, String version, String summary, String headlineColumn,
                             List<Binding<F>> districtColumns, List<Binding<F>> requestColumns, LayerSpec<F>... extra) {
        super(name, version, summary, headlineColumn);
        List<LayerSpec<F>> all = new ArrayList<>();
        all.add(LayerSpec.districts(name, summary, districtColumns));
        all.add(LayerSpec.requests(name, summary, requestColumns));
        all.addAll(List.of(extra));
        layers = List.copyOf(all);
    }

    /** The layers, districts first, then requests, then any extra layer; known without data. */
    public final List<LayerSpec<F>> layers() {
        return layers;
    }

    /** The facts the layers read, asked from the context (so shared facts are computed once per run). */
    protected abstract F facts(RunContext context);

    /** The facts this generator adds to the run's provenance. */
    protected abstract Provenance provenance(F facts, RunContext context);

    @Override
    public final List<LayerSpec<?>> schema() {
        return List.copyOf(layers());
    }

    @Override
    public final GeneratorOutput generate(RunContext context) {
        F facts = facts(context);
        List<Table> tables = new ArrayList<>();
        for (LayerSpec<F> layer : layers()) tables.add(layer.write(facts, context.snapshot()));
        return new GeneratorOutput(name(), version(), tables, provenance(facts, context));
    }

    /** The cut points of a class column of the district layer, read from its binding (metric and class count). */
    protected final void cuts(Provenance p, F facts, RunContext context, String classColumn) {
        LayerSpec<F> districts = layers().get(0);
        Binding.ClassRule rule = districts.binding(classColumn).classRule();
        Double[] values = districts.doubles(facts, rule.metric(), context.snapshot().districts().size());
        CategoryFacts.cuts(p, classColumn, values, rule.classes(), rule.metric());
    }
}
