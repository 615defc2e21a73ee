package org.gpkg311.pipeline;

/** Where one generator's outputs went: storage keys and the locations a user can open. */
public record Publication(String generator, String geoPackageKey, String geoPackageLocation,
                          String summaryKey, String summaryLocation, long geoPackageBytes,
                          String previewKey, String previewLocation) {}
