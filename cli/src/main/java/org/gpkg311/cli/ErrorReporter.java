package org.gpkg311.cli;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.NoSuchElementException;

import org.gpkg311.read.InputFormatException;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a failure into one line on stderr and an exit code that says whose move it is:
 * <ul>
 * <li>2, bad input or a refused run: a file that cannot be read as input ({@link InputFormatException} and its
 * subclasses name the file, line and field), a missing input file, an invalid option value;</li>
 * <li>3, the environment: a full disk, a permission, the network or S3, any other I/O error (the message names
 * the file or object);</li>
 * <li>1, a bug: anything else.</li>
 * </ul>
 * Set GPKG311_DEBUG=1 for the stack trace.
 */
final class ErrorReporter implements IExecutionExceptionHandler {

    static final int BAD_INPUT = 2;
    static final int ENVIRONMENT = 3;
    static final int FAILED = 1;

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, ParseResult parsed) {
        Throwable t = e instanceof UncheckedIOException u ? u.getCause() : e;
        String message = t instanceof NoSuchFileException || t instanceof FileNotFoundException
                ? "no such file: " + t.getMessage() : t.getMessage();
        cli.getErr().println("gpkg311: error: " + (message == null ? t.getClass().getSimpleName() : oneLine(message)));
        if (System.getenv("GPKG311_DEBUG") != null) e.printStackTrace(cli.getErr());
        return exitCode(t);
    }

    static int exitCode(Throwable t) {
        if (t instanceof InputFormatException || t instanceof NoSuchFileException || t instanceof FileNotFoundException
                || t instanceof IllegalArgumentException || t instanceof NoSuchElementException) {
            return BAD_INPUT;
        }
        if (t instanceof IOException) return ENVIRONMENT;
        return FAILED;
    }

    static String oneLine(String s) {
        return s.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
