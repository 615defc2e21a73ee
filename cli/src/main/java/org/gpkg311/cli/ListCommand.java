package org.gpkg311.cli;

import java.util.concurrent.Callable;

import org.gpkg311.generator.Generator;
import org.gpkg311.generator.Generators;

import picocli.CommandLine.Command;

/** Lists the generators with the question each one answers. */
@Command(name = "list", description = "List the GeoPackages this tool can generate.")
final class ListCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        for (Generator g : Generators.all()) System.out.printf("%-28s %s%n", g.name(), g.summary());
        return 0;
    }
}
