package org.gpkg311.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.gpkg311.docs.ColumnTables;
import org.gpkg311.generator.Generators;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Prints (or writes to docs/columns.md) the column tables of every GeoPackage, from the generators' static schemas. */
@Command(name = "columns", description = "Print the column tables of every GeoPackage as Markdown, or write them to a file (docs/columns.md).")
final class ColumnsCommand implements Callable<Integer> {

    @Option(names = "--output", paramLabel = "FILE", description = "Write the Markdown to this file (e.g. docs/columns.md) instead of printing.")
    Path output;

    @Override
    public Integer call() throws Exception {
        String md = render();
        if (output == null) {
            System.out.print(md);
            return 0;
        }
        Files.writeString(output, md, StandardCharsets.UTF_8);
        System.err.println("updated " + output);
        return 0;
    }

    /** The tables come from the generators' schemas: no data is read and no generator runs. */
    static String render() {
        return ColumnTables.markdown(Generators.all());
    }
}
