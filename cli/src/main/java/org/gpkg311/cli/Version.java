package org.gpkg311.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest (falls back to "dev" when run from classes). */
final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {"gpkg311 " + (v == null ? "dev" : v)};
    }
}
