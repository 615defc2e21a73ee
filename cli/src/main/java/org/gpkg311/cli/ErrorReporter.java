package org.gpkg311.cli;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a failure into one line on stderr and a non-zero exit code: 2 for bad input (a broken file
 * names its file, line and field), 1 for anything else. Set GPKG311_DEBUG=1 for the stack trace.
 */
final class ErrorReporter implements IExecutionExceptionHandler {

    static final int BAD_INPUT = 2;
    static final int FAILED = 1;

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, ParseResult parsed) {
        boolean badInput = e instanceof IOException || e instanceof IllegalArgumentException;
        String message = e instanceof NoSuchFileException || e instanceof FileNotFoundException
                ? "no such file: " + e.getMessage() : e.getMessage();
        cli.getErr().println("gpkg311: error: " + (message == null ? e.getClass().getSimpleName() : oneLine(message)));
        if (System.getenv("GPKG311_DEBUG") != null) e.printStackTrace(cli.getErr());
        return badInput ? BAD_INPUT : FAILED;
    }

    static String oneLine(String s) {
        return s.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
