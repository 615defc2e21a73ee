package org.gpkg311.generator.common;

import java.util.List;

import org.gpkg311.table.Column;
import org.gpkg311.table.Levels;

/**
 * One output column declared together with its value: the column (name, type, alias, description)
 * and the function that reads row {@code i}'s value from the generator's facts {@code F}. The writer,
 * the column docs, the class-rule test and the provenance of cuts all read these.
 *
 * @param column        the declared column
 * @param cell          row i's value (a district index, a snapshot request index or a row of an extra layer)
 * @param districtContext    in a request layer: the cell is read at the request's district index (district context)
 * @param classRule     when this column holds classes (or class labels) of another column of the layer, else null
 * @param emptyOnSampleCity true when the column is legitimately all NULL on the sample city
 */
public record Binding<F>(Column column, Cell<F> cell, boolean districtContext, ClassRule classRule, boolean emptyOnSampleCity) {

    /** Row i's value, or null. */
    @FunctionalInterface
    public interface Cell<F> {
        Object at(F facts, int i);
    }

    /**
     * The column holds classes 1..{@code classes} of {@code metric} (labels null) or the labels, low to high.
     * A higher class always holds strictly higher values of the metric.
     */
    public record ClassRule(String metric, int classes, List<String> labels) {}

    public static <F> Binding<F> of(Column column, Cell<F> cell) {
        return new Binding<>(column, cell, false, null, false);
    }

    public static <F> Binding<F> integer(String name, String alias, String description, Cell<F> cell) {
        return of(Column.integer(name, alias, description), cell);
    }

    public static <F> Binding<F> real(String name, String alias, String description, Cell<F> cell) {
        return of(Column.real(name, alias, description), cell);
    }

    public static <F> Binding<F> text(String name, String alias, String description, Cell<F> cell) {
        return of(Column.text(name, alias, description), cell);
    }

    public static <F> Binding<F> bool(String name, String alias, String description, Cell<F> cell) {
        return of(Column.bool(name, alias, description), cell);
    }

    public static <F> Binding<F> dateTime(String name, String alias, String description, Cell<F> cell) {
        return of(Column.dateTime(name, alias, description), cell);
    }

    /** The same column in another generator, whose facts {@code G} contain this generator's facts {@code F}. */
    public <G> Binding<G> via(java.util.function.Function<G, F> facts) {
        Cell<F> own = cell;
        return new Binding<>(column, (g, i) -> own.at(facts.apply(g), i), districtContext, classRule, emptyOnSampleCity);
    }

    /** {@link #via} for each binding of a list. */
    public static <F, G> List<Binding<G>> via(List<Binding<F>> bindings, java.util.function.Function<G, F> facts) {
        return bindings.stream().map(b -> b.<G>via(facts)).toList();
    }

    /** The bindings of {@code first}, then those of {@code second}. */
    public static <F> List<Binding<F>> concat(List<Binding<F>> first, List<Binding<F>> second) {
        List<Binding<F>> out = new java.util.ArrayList<>(first);
        out.addAll(second);
        return List.copyOf(out);
    }

    public String name() {
        return column.name();
    }

    /** In a request layer: the value is the request's district's, {@code cell} is read at the district index. */
    public Binding<F> ofDistrict() {
        return new Binding<>(column, cell, true, classRule, emptyOnSampleCity);
    }

    /**
     * The district layer's column {@code name} in a request layer, read at the request's district: the same
     * name, alias and description (spec: one quantity has one spelling in every file and layer).
     */
    public static <F> Binding<F> districtContext(List<Binding<F>> districtColumns, String name) {
        for (Binding<F> b : districtColumns) if (b.name().equals(name)) return b.ofDistrict();
        throw new IllegalArgumentException("no district column " + name);
    }

    /** This TEXT column's values are ordinal, in the order of {@code levels} (maps list and colour them so). */
    public Binding<F> ordered(Levels levels) {
        return new Binding<>(column.withLevels(levels), cell, districtContext, classRule, emptyOnSampleCity);
    }

    /** This column holds class numbers 1..classes of {@code metric} (4 quartiles, 5 quintiles). */
    public Binding<F> classOf(String metric, int classes) {
        return new Binding<>(column, cell, districtContext, new ClassRule(metric, classes, null), emptyOnSampleCity);
    }

    /** This column holds the class labels of {@code metric}, given low to high: they are also its levels. */
    public Binding<F> labelOf(String metric, List<String> labelsLowToHigh) {
        return new Binding<>(column.withLevels(Levels.sequential(labelsLowToHigh)), cell, districtContext,
                new ClassRule(metric, labelsLowToHigh.size(), List.copyOf(labelsLowToHigh)), emptyOnSampleCity);
    }

    /** The column is legitimately all NULL on the sample city (the test of empty bindings skips it). */
    public Binding<F> emptyOnSample() {
        return new Binding<>(column, cell, districtContext, classRule, true);
    }
}
