/**
 * The classes and colours of a layer's headline column, decided once for the QGIS default style (QML in
 * layer_styles), the SVG preview and the JSON summary, so that the three never disagree.
 *
 * <p>May use: table, stats. Pure: returns text and values. Dependencies point one way
 * (docs/architecture.md#dependency-direction).
 */
package org.gpkg311.style;
