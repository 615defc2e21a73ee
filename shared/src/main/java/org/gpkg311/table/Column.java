package org.gpkg311.table;

import java.util.regex.Pattern;

/**
 * One attribute column, declared once by its generator: the writer, the JSON summary and the
 * README's column tables all come from this declaration.
 *
 * @param name        camelCase field name
 * @param type        GeoPackage type
 * @param alias       human name in Title Case (gpkg_data_columns.name, shown by ArcGIS Pro and QGIS)
 * @param description one sentence (gpkg_data_columns.description)
 * @param levels      the order of an ordinal TEXT column's values, null for numbers and unordered text
 */
public record Column(String name, ColumnType type, String alias, String description, Levels levels) {

    private static final Pattern CAMEL = Pattern.compile("[a-z][A-Za-z0-9]*");

    public Column {
        if (!CAMEL.matcher(name).matches()) throw new IllegalArgumentException("column name is not camelCase: " + name);
        if (alias == null || alias.isBlank()) throw new IllegalArgumentException("column " + name + " has no alias");
        if (description == null || description.isBlank()) throw new IllegalArgumentException("column " + name + " has no description");
        if (levels != null && type != ColumnType.TEXT) throw new IllegalArgumentException("levels on the " + type + " column " + name);
    }

    public Column(String name, ColumnType type, String alias, String description) {
        this(name, type, alias, description, null);
    }

    /** The same column, its values ordered by {@code levels}. */
    public Column withLevels(Levels levels) {
        return new Column(name, type, alias, description, levels);
    }

    public static Column integer(String name, String alias, String description) {
        return new Column(name, ColumnType.INTEGER, alias, description);
    }

    /** An integer that can exceed 32 bits (written as 64-bit INTEGER instead of MEDIUMINT). */
    public static Column bigInteger(String name, String alias, String description) {
        return new Column(name, ColumnType.BIG_INTEGER, alias, description);
    }

    public static Column date(String name, String alias, String description) {
        return new Column(name, ColumnType.DATE, alias, description);
    }

    public static Column real(String name, String alias, String description) {
        return new Column(name, ColumnType.REAL, alias, description);
    }

    public static Column text(String name, String alias, String description) {
        return new Column(name, ColumnType.TEXT, alias, description);
    }

    public static Column dateTime(String name, String alias, String description) {
        return new Column(name, ColumnType.DATETIME, alias, description);
    }

    public static Column bool(String name, String alias, String description) {
        return new Column(name, ColumnType.BOOLEAN, alias, description);
    }
}
