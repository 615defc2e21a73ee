package org.gpkg311.gpkg;

import java.io.IOException;
import java.util.List;

/** A reopened GeoPackage does not hold what was written; the message lists every problem found. */
public final class GeoPackageCheckException extends IOException {

    private final List<String> problems;

    public GeoPackageCheckException(String file, List<String> problems) {
        super("GeoPackage " + file + " failed its check: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
