package org.gpkg311.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Debian's QGIS and Chromium as the tests' independent readers. A missing tool fails the test with the one
 * command that installs it (./gpkg311 test and .ci/run run it); it never skips.
 */
final class RealTools {

    static final String QGIS_INSTALL = "apt-get install -y --no-install-recommends qgis python3-qgis";
    static final String CHROMIUM_INSTALL = "apt-get install -y --no-install-recommends chromium";
    static final String PYTHON = "/usr/bin/python3";

    record Result(int exit, String out, String err) {}

    private RealTools() {}

    /** /usr/bin/python3 with PyQGIS importable, headless. */
    static void requireQgis() throws IOException, InterruptedException {
        Result r = run(List.of(PYTHON, "-c", "import qgis.core"), Map.of("QT_QPA_PLATFORM", "offscreen"), 120);
        if (r.exit() != 0) {
            throw new AssertionError("PyQGIS is missing (" + r.err().strip() + "): run `" + QGIS_INSTALL + "`");
        }
    }

    static Path chromium() {
        for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
            Path p = Path.of(candidate);
            if (Files.isExecutable(p)) return p;
        }
        throw new AssertionError("Chromium is missing: run `" + CHROMIUM_INSTALL + "`");
    }

    /** The DOM of a page after Chromium loaded it (headless, its own throw-away profile). */
    static String dumpDom(Path html, Path profile) throws IOException, InterruptedException {
        Result r = run(List.of(chromium().toString(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--user-data-dir=" + profile, "--dump-dom", html.toUri().toString()), Map.of(), 120);
        if (r.exit() != 0) throw new AssertionError("chromium --dump-dom exited " + r.exit() + ": " + r.err());
        return r.out();
    }

    /** A PNG screenshot of a page at width × height. */
    static void screenshot(Path html, Path png, Path profile, int width, int height) throws IOException, InterruptedException {
        Result r = run(List.of(chromium().toString(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--hide-scrollbars", "--user-data-dir=" + profile, "--window-size=" + width + "," + height,
                "--screenshot=" + png, html.toUri().toString()), Map.of(), 120);
        if (r.exit() != 0 || !Files.exists(png)) throw new AssertionError("chromium --screenshot exited " + r.exit() + ": " + r.err());
    }

    static Result run(List<String> command, Map<String, String> env, int timeoutSeconds) throws IOException, InterruptedException {
        Path out = Files.createTempFile("tool-out", ".txt"), err = Files.createTempFile("tool-err", ".txt");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().putAll(env);
            Process p;
            try {
                p = pb.start();
            } catch (IOException e) {
                throw new AssertionError(command.get(0) + " cannot run: " + e.getMessage(), e);
            }
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
