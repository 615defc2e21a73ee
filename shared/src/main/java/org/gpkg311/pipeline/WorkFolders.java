package org.gpkg311.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Scratch folders of a run (the Lambda's /tmp): removed whole on every path, success or failure. */
public final class WorkFolders {

    private WorkFolders() {}

    /** Deletes a folder and everything in it; a missing folder is fine. */
    public static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
