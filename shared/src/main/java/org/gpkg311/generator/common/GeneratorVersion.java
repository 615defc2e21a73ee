package org.gpkg311.generator.common;

/**
 * The one version scheme of all eleven generators: MAJOR.MINOR.PATCH, MAJOR = the revision of the product
 * specification whose column meanings the file follows (Revision 3: score classes, profile groups, FDR labels, horizons).
 */
public final class GeneratorVersion {

    public static final String CURRENT = "3.0.0";

    private GeneratorVersion() {}
}
