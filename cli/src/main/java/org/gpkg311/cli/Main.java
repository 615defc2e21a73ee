package org.gpkg311.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code java -jar gpkg311.jar}: generate GeoPackages, or write the sample city. */
@Command(name = "gpkg311", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Turns a city's 311 service requests into ready-to-map GeoPackages, one per analysis.",
        subcommands = {GenerateCommand.class, IngestCommand.class, SampleCommand.class, ListCommand.class, ColumnsCommand.class, CommandLine.HelpCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (tests call this instead of main). */
    public static int run(String... args) {
        return run(new java.io.PrintWriter(System.err, true), args);
    }

    /** As {@link #run(String...)}, with error lines going to {@code err}. */
    public static int run(java.io.PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setErr(err);
        cli.setExecutionExceptionHandler(new ErrorReporter());
        return cli.execute(args.length == 0 ? new String[] {"generate"} : args);
    }
}
