package org.gpkg311.style;

/**
 * One row of a GeoPackage's QGIS {@code layer_styles} table: the default style of one feature table.
 *
 * @param table       the feature table it styles (f_table_name)
 * @param name        styleName, shown in QGIS's style manager
 * @param qml         the QGIS style document (styleQML)
 * @param description one line for the style manager
 */
public record LayerStyle(String table, String name, String qml, String description) {}
