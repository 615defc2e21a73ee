package org.gpkg311.read;

/** Receives the rows of a source as they are read. */
@FunctionalInterface
public interface RowSink {
    void accept(RawRow row);
}
