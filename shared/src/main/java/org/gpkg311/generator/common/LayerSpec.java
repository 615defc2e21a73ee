package org.gpkg311.generator.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.gpkg311.snapshot.Snapshot;
import org.gpkg311.table.Column;
import org.gpkg311.table.GeometryKind;
import org.gpkg311.table.Table;
import org.locationtech.jts.geom.Geometry;

/**
 * One layer of a generator, known without data: its name, geometry, description and bound columns.
 * {@link #write} turns the facts of a run into the layer's table.
 *
 * @param base       the base columns the layer starts with (district or request facts), empty for an extra layer
 * @param geometries an extra layer's rows: one geometry per row (null for district and request layers)
 */
public record LayerSpec<F>(Kind kind, String name, GeometryKind geometry, String description, List<Column> base,
                           List<Binding<F>> bindings, Function<F, List<? extends Geometry>> geometries) {

    /** Which rows a layer has: one per district, one per located request, or its own. */
    public enum Kind { DISTRICTS, REQUESTS, EXTRA }

    public LayerSpec {
        bindings = List.copyOf(bindings);
    }

    /** The {@code <generator>Districts} layer: base district columns, then {@code bindings}. */
    public static <F> LayerSpec<F> districts(String generator, String summary, List<Binding<F>> bindings) {
        return new LayerSpec<>(Kind.DISTRICTS, DistrictLayer.layerName(generator), GeometryKind.MULTIPOLYGON,
                DistrictLayer.description(summary), DistrictLayer.BASE_COLUMNS, bindings, null);
    }

    /** The {@code <generator>Requests} layer: base request columns, then {@code bindings} (cells read at the snapshot request index). */
    public static <F> LayerSpec<F> requests(String generator, String summary, List<Binding<F>> bindings) {
        return new LayerSpec<>(Kind.REQUESTS, RequestLayer.layerName(generator), GeometryKind.POINT,
                RequestLayer.description(summary), RequestLayer.BASE_COLUMNS, bindings, null);
    }

    /** A layer of its own rows, e.g. grid cells: row i has geometry {@code geometries(facts).get(i)}. */
    public static <F> LayerSpec<F> extra(String name, GeometryKind geometry, String description, List<Binding<F>> bindings,
                                         Function<F, List<? extends Geometry>> geometries) {
        return new LayerSpec<>(Kind.EXTRA, name, geometry, description, List.of(), bindings, geometries);
    }

    /** Every column of the layer: the base ones, then the bound ones. */
    public List<Column> columns() {
        List<Column> out = new ArrayList<>(base);
        for (Binding<F> b : bindings) out.add(b.column());
        return out;
    }

    /** The layer's bound (own) columns. */
    public List<Column> ownColumns() {
        return bindings.stream().map(Binding::column).toList();
    }

    public Binding<F> binding(String column) {
        return bindings.stream().filter(b -> b.name().equals(column)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(name + " binds no column " + column));
    }

    /** The layer's table for one run: base columns filled, then every binding's value in every row. */
    public Table write(F facts, Snapshot snapshot) {
        return switch (kind) {
            case DISTRICTS -> fill(DistrictLayer.named(name, description, snapshot, ownColumns()), facts, null);
            case REQUESTS -> {
                RequestLayer layer = RequestLayer.named(name, description, snapshot, ownColumns());
                yield fill(layer.table(), facts, layer);
            }
            case EXTRA -> {
                Table table = new Table(name, geometry, description, ownColumns());
                for (Geometry g : geometries.apply(facts)) table.addRow(g);
                yield fill(table, facts, null);
            }
        };
    }

    /** Row keys: the row itself, except in a request layer (the snapshot request, or its district). */
    private Table fill(Table table, F facts, RequestLayer requests) {
        int offset = base.size();
        for (int b = 0; b < bindings.size(); b++) {
            Binding<F> binding = bindings.get(b);
            int column = offset + b;
            if (requests == null) {
                for (int i = 0; i < table.rowCount(); i++) table.set(i, column, binding.cell().at(facts, i));
            } else {
                for (int r = 0; r < requests.requestCount(); r++) {
                    int row = requests.rowOf(r);
                    if (row < 0) continue;
                    table.set(row, column, binding.cell().at(facts, binding.districtContext() ? requests.districtOf(r) : r));
                }
            }
        }
        return table;
    }

    /** Values of {@code column} over the layer's rows keyed 0..n−1 (districts), as written; for the provenance of cuts. */
    public Double[] doubles(F facts, String column, int n) {
        Binding<F> b = binding(column);
        Double[] out = new Double[n];
        for (int i = 0; i < n; i++) out[i] = (Double) b.cell().at(facts, i);
        return out;
    }
}
