package org.gpkg311.cli;

import java.io.PrintStream;
import java.util.Map;
import java.util.stream.Collectors;

import org.gpkg311.pipeline.RunListener;

/** Prints each finished stage on stderr: elapsed time since start, scope, stage, counts, stage time. */
final class StderrProgress implements RunListener {

    private final PrintStream err;
    private final long start = System.nanoTime();

    StderrProgress(PrintStream err) {
        this.err = err;
    }

    @Override
    public synchronized void stage(String scope, String stage, Map<String, Object> counts, long millis) {
        double elapsed = (System.nanoTime() - start) / 1e9;
        String c = counts.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
        err.printf("[%7.2fs] %-28s %-9s %6d ms  %s%n", elapsed, scope, stage, millis, c);
    }
}
