package org.gpkg311.table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Geometry;

/**
 * A layer in memory: declared columns, one geometry and one value array per row. Values are checked
 * against the declared type when set, so a NaN or a wrong type fails at the generator that made it,
 * not later in the writer.
 */
public final class Table {

    private final String name;
    private final GeometryKind geometryKind;
    private final String description;
    private final List<Column> columns;
    private final Map<String, Integer> index = new HashMap<>();
    private final List<Geometry> geometries;
    private final List<Object[]> rows;
    /** The layer whose columns, geometries and values lead this one's (see {@link #extending}), or null. */
    private final Table base;

    /**
     * @param description one line for gpkg_contents.description (what the layer holds)
     */
    public Table(String name, GeometryKind geometryKind, String description, List<Column> columns) {
        this.name = name;
        this.geometryKind = geometryKind;
        this.description = description;
        this.geometries = new ArrayList<>();
        this.rows = new ArrayList<>();
        this.columns = List.copyOf(columns);
        this.base = null;
        indexColumns();
    }

    /** The same layer (rows shared, not copied) with another gpkg_contents description. */
    public Table describedAs(String otherDescription) {
        return new Table(this, otherDescription);
    }

    private Table(Table of, String description) {
        this.name = of.name;
        this.geometryKind = of.geometryKind;
        this.description = description;
        this.columns = of.columns;
        this.index.putAll(of.index);
        this.geometries = of.geometries;
        this.rows = of.rows;
        this.base = of.base;
    }

    /**
     * A layer that starts with all of {@code base}: its columns, then {@code extra}; its rows, geometries and
     * values, the extra cells NULL. The base columns are read-only here, so every layer extending one base
     * holds the same leading values, and a writer may copy them from a file written once ({@link #base()}).
     */
    /** Fills the name index, refusing a name declared twice. */
    private void indexColumns() {
        for (int i = 0; i < columns.size(); i++) {
            if (index.put(columns.get(i).name(), i) != null) {
                throw new IllegalArgumentException("column " + columns.get(i).name() + " declared twice in " + name);
            }
        }
    }

    public static Table extending(Table base, String name, String description, List<Column> extra) {
        return new Table(base, name, description, extra);
    }

    private Table(Table base, String name, String description, List<Column> extra) {
        this.name = name;
        this.geometryKind = base.geometryKind;
        this.description = description;
        List<Column> all = new ArrayList<>(base.columns);
        all.addAll(extra);
        this.columns = List.copyOf(all);
        indexColumns();
        this.geometries = Collections.unmodifiableList(new ArrayList<>(base.geometries));
        this.rows = new ArrayList<>(base.rows.size());
        int width = base.columns.size();
        for (Object[] baseRow : base.rows) {
            Object[] row = new Object[this.columns.size()];
            System.arraycopy(baseRow, 0, row, 0, width);
            rows.add(row);
        }
        this.base = base;
    }

    public String name() { return name; }
    public GeometryKind geometryKind() { return geometryKind; }
    public String description() { return description; }
    public List<Column> columns() { return columns; }
    public int rowCount() { return rows.size(); }
    public Geometry geometry(int row) { return geometries.get(row); }
    public Object[] values(int row) { return rows.get(row); }
    public List<Object[]> rows() { return Collections.unmodifiableList(rows); }

    /** The layer this one extends ({@link #extending}): its columns lead this one's, with the same values; or null. */
    public Table base() { return base; }

    public boolean hasColumn(String column) { return index.containsKey(column); }

    public int columnIndex(String column) {
        Integer i = index.get(column);
        if (i == null) throw new IllegalArgumentException("layer " + name + " has no column " + column);
        return i;
    }

    /** Appends a row (all values NULL) and returns a handle to fill it. */
    public Row addRow(Geometry geometry) {
        if (base != null) throw new IllegalStateException("layer " + name + " has the rows of " + base.name + "; it cannot grow");
        if ((geometry == null) != (geometryKind == GeometryKind.NONE)) {
            throw new IllegalArgumentException("layer " + name + " (" + geometryKind + ") got geometry " + geometry);
        }
        geometries.add(geometry);
        rows.add(new Object[columns.size()]);
        return row(rows.size() - 1);
    }

    public Row row(int i) {
        return new Row(i);
    }

    /** Sets a cell by column position (as declared), checked like {@link Row#set}. */
    public void set(int row, int column, Object value) {
        rows.get(row)[column] = checked(column, value);
    }

    /** Value of a cell, or null. */
    public Object get(int row, String column) {
        return rows.get(row)[columnIndex(column)];
    }

    /** A handle on one row; set returns the handle so that a row reads as one statement. */
    public final class Row {
        private final int row;

        private Row(int row) { this.row = row; }

        public int index() { return row; }

        public Row set(String column, Object value) {
            int c = columnIndex(column);
            rows.get(row)[c] = checked(c, value);
            return this;
        }
    }

    private Object checked(int columnIndex, Object value) {
        Column column = columns.get(columnIndex);
        if (base != null && columnIndex < base.columns.size()) {
            throw new IllegalStateException("layer " + name + ", column " + column.name() + " is " + base.name
                    + "'s, shared with every layer extending it: it cannot be set here");
        }
        if (value == null) return null;
        boolean ok = switch (column.type()) {
            case INTEGER -> value instanceof Integer || value instanceof Long l && l == l.intValue();
            case BIG_INTEGER -> value instanceof Integer || value instanceof Long;
            case DATE -> value instanceof java.time.LocalDate;
            case REAL -> value instanceof Double d && Double.isFinite(d);
            case TEXT -> value instanceof String;
            case DATETIME -> value instanceof Instant;
            case BOOLEAN -> value instanceof Boolean;
        };
        if (!ok) {
            throw new IllegalArgumentException("layer " + name + ", column " + column.name() + " (" + column.type()
                    + "): bad value " + value + " (" + value.getClass().getSimpleName() + ")"
                    + (value instanceof Double ? "; write NULL for an undefined value" : ""));
        }
        return value;
    }
}
