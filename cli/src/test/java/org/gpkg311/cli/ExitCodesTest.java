package org.gpkg311.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.gpkg311.read.InputFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whose move it is, by the exit code: 2 bad input or a refused run, 3 the environment, 1 a bug. */
class ExitCodesTest {

    @TempDir
    Path dir;

    @Test
    void anUnknownGeneratorIsAUsageErrorBeforeAnythingIsWritten() {
        StringWriter err = new StringWriter();
        Path out = dir.resolve("out");
        int exit = Main.run(new PrintWriter(err, true), "generate", "--only", "nope", "--output", out.toString(),
                "--sample-dir", dir.resolve("sample").toString());
        assertEquals(2, exit, err.toString());
        assertTrue(err.toString().contains("unknown generator(s) nope"), err.toString());
        assertFalse(Files.exists(out), "nothing written");
        assertFalse(Files.exists(dir.resolve("sample")), "nothing read or written");
    }

    @Test
    void theClassOfTheFailureDecidesTheCode() {
        assertEquals(2, ErrorReporter.exitCode(new InputFormatException("raw/311/x.csv", 3, "openedAt", "not a date")));
        assertEquals(2, ErrorReporter.exitCode(new java.nio.file.NoSuchFileException("in.csv")));
        assertEquals(3, ErrorReporter.exitCode(new IOException("cannot write out/a.gpkg: No space left on device")));
        assertEquals(3, ErrorReporter.exitCode(new AccessDeniedException("out/a.gpkg")));
        assertEquals(1, ErrorReporter.exitCode(new IllegalStateException("a bug")));
    }
}
