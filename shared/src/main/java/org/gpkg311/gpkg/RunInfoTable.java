package org.gpkg311.gpkg;

import java.util.List;

import org.gpkg311.provenance.Provenance;
import org.gpkg311.table.Column;
import org.gpkg311.table.GeometryKind;
import org.gpkg311.table.Table;

/**
 * The {@code <generatorName>RunInfo} attribute table: the provenance as rows, because ArcGIS Pro shows
 * standalone tables but does not read the metadata extension.
 */
public final class RunInfoTable {

    public static final List<Column> COLUMNS = List.of(
            Column.text("key", "Key", "Name of the fact, e.g. a threshold or a row count."),
            Column.text("value", "Value", "Value of the fact as text; numbers keep full precision."),
            Column.text("description", "Description", "What the fact means and where it comes from."));

    private RunInfoTable() {}

    public static String tableName(String generatorName) {
        return generatorName + "RunInfo";
    }

    public static Table of(String generatorName, Provenance provenance) {
        Table table = new Table(tableName(generatorName), GeometryKind.NONE,
                "How this file was made: generator, run, window, sources, row counts and every data-driven threshold.",
                COLUMNS);
        for (Provenance.Entry e : provenance.entries()) {
            table.addRow(null).set("key", e.key()).set("value", e.value()).set("description", e.description());
        }
        return table;
    }
}
