package org.gpkg311.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

import org.gpkg311.docs.ColumnTables;
import org.gpkg311.generator.Generator;
import org.gpkg311.generator.GeneratorOutput;
import org.gpkg311.generator.Generators;
import org.gpkg311.generator.RunSettings;
import org.gpkg311.pipeline.Inputs;
import org.gpkg311.pipeline.Pipeline;
import org.gpkg311.pipeline.RunListener;
import org.gpkg311.profile.CityProfile;
import org.gpkg311.snapshot.Snapshot;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Prints (or writes into the README) the column tables of every GeoPackage, from the generators' declarations. */
@Command(name = "columns", description = "Print the column tables of every GeoPackage as Markdown, or update them in a README.")
final class ColumnsCommand implements Callable<Integer> {

    @Option(names = "--readme", paramLabel = "FILE", description = "Replace the generated block of this Markdown file instead of printing.")
    Path readme;

    @Option(names = "--sample-dir", defaultValue = "sample", description = "Sample city folder (written when missing).")
    Path sampleDir;

    @Override
    public Integer call() throws Exception {
        String md = render(sampleDir);
        if (readme == null) {
            System.out.print(md);
            return 0;
        }
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        int a = text.indexOf(ColumnTables.START), b = text.indexOf(ColumnTables.END);
        if (a < 0 || b < a) throw new IllegalArgumentException(readme + " has no generated column block (" + ColumnTables.START + " … " + ColumnTables.END + ")");
        Files.writeString(readme, text.substring(0, a + ColumnTables.START.length()) + "\n\n" + md + text.substring(b), StandardCharsets.UTF_8);
        System.err.println("updated " + readme);
        return 0;
    }

    /** The tables come from real outputs on the sample city, so every layer a generator writes is listed. */
    static String render(Path sampleDir) throws Exception {
        SampleFolder.ensure(sampleDir, RunListener.SILENT);
        CityProfile city = CityProfile.nashville();
        Snapshot snapshot = Pipeline.prepare(Inputs.resolve(List.of(sampleDir.toString()), null, city), city,
                null, Instant.now(), "columns", RunListener.SILENT);
        List<Generator> generators = Generators.all();
        List<GeneratorOutput> outputs = generators.stream().map(g -> g.generate(snapshot, RunSettings.defaults())).toList();
        return ColumnTables.markdown(generators, outputs);
    }
}
