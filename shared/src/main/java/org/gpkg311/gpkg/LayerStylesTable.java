package org.gpkg311.gpkg;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.gpkg311.style.LayerStyle;

/**
 * QGIS's {@code layer_styles} table, in the layout QGIS and GDAL's GeoPackage driver create, registered in
 * gpkg_contents as an attributes table as they do (an unregistered table would be hidden from GDAL and
 * flagged by stricter checkers). QGIS opens a layer with the row of its f_table_name whose useAsDefault is 1.
 */
final class LayerStylesTable {

    static final String NAME = "layer_styles";

    private LayerStylesTable() {}

    /**
     * @param lastChange written as update_time and last_change, so a rerun on the same data gives the same file
     */
    static void write(Connection c, List<LayerStyle> styles, String lastChange) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TABLE layer_styles (
                      id INTEGER PRIMARY KEY AUTOINCREMENT,
                      f_table_catalog TEXT(256),
                      f_table_schema TEXT(256),
                      f_table_name TEXT(256),
                      f_geometry_column TEXT(256),
                      styleName TEXT(30),
                      styleQML TEXT,
                      styleSLD TEXT,
                      useAsDefault BOOLEAN,
                      description TEXT,
                      owner TEXT(30),
                      ui TEXT(30),
                      update_time DATETIME DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
                    )""");
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO gpkg_contents (table_name, data_type, identifier, description,"
                + " last_change) VALUES (?, 'attributes', ?, ?, ?)")) {
            p.setString(1, NAME);
            p.setString(2, NAME);
            p.setString(3, "QGIS layer styles: the default symbology of each layer.");
            p.setString(4, lastChange);
            p.executeUpdate();
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO layer_styles (f_table_catalog, f_table_schema, f_table_name,"
                + " f_geometry_column, styleName, styleQML, styleSLD, useAsDefault, description, owner, ui, update_time)"
                + " VALUES ('', '', ?, ?, ?, ?, NULL, 1, ?, '', NULL, ?)")) {
            for (LayerStyle style : styles) {
                if (style.name().length() > 30) {
                    throw new IllegalArgumentException("style name \"" + style.name() + "\" is longer than layer_styles.styleName's 30 characters");
                }
                p.setString(1, style.table());
                p.setString(2, GeoPackageSchema.GEOMETRY_COLUMN);
                p.setString(3, style.name());
                p.setString(4, style.qml());
                p.setString(5, style.description());
                p.setString(6, lastChange);
                p.addBatch();
            }
            p.executeBatch();
        }
    }
}
