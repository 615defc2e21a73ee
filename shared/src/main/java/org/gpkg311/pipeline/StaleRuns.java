package org.gpkg311.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.gpkg311.generator.Generators;
import org.gpkg311.storage.LocalStorage;

/**
 * Clean start: removes what killed runs left in an output folder and a work root, and says what it removed.
 * Everything a run writes there names its process: work folders {@code p<pid>-<name>-<random>}, temporary files
 * {@code .incoming-p<pid>-<random>.tmp}, staging folders {@code .staging/<runId>/} with an {@code owner} file
 * holding the pid. Only what belongs to a process that is no longer alive is removed, so a concurrent live run
 * keeps its files. Unmarked leftovers of earlier versions (work folders {@code <generator>-<digits>}, temporary
 * files without a pid) are removed too: no live run of this version writes such names.
 */
public final class StaleRuns {

    /** The file in a staging folder that names the process staging there. */
    public static final String OWNER = "owner";
    private static final Pattern WORK_FOLDER = Pattern.compile("p(\\d+)-.+");
    private static final Pattern LEGACY_WORK_FOLDER = Pattern.compile("([A-Za-z]+)-\\d+");

    private StaleRuns() {}

    /** The content of a staging folder's {@link #OWNER} file for this process. */
    public static byte[] ownerMarker() {
        return Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * @param output   an output folder (its {@code .staging/} and temporary files), or null
     * @param workRoot the work root (e.g. /tmp/gpkg311), or null
     * @return the paths removed
     */
    public static List<Path> clean(Path output, Path workRoot) throws IOException {
        List<Path> removed = new ArrayList<>();
        if (workRoot != null && Files.isDirectory(workRoot)) {
            for (Path p : children(workRoot)) {
                if (Files.isDirectory(p) && isStaleWorkFolder(p.getFileName().toString())) remove(p, removed);
            }
        }
        if (output != null && Files.isDirectory(output)) {
            Path staging = output.resolve(PublicationLayout.folder().runsPrefix());
            if (Files.isDirectory(staging)) {
                for (Path run : children(staging)) {
                    if (Files.isDirectory(run) && !ownerAlive(run)) remove(run, removed);
                }
                if (children(staging).isEmpty()) Files.deleteIfExists(staging);
            }
            List<Path> temps;
            try (Stream<Path> s = Files.walk(output)) {
                temps = s.filter(p -> {
                    Long pid = LocalStorage.tempFileOwner(p.getFileName().toString());
                    return pid != null && !alive(pid);
                }).toList();
            }
            for (Path t : temps) remove(t, removed);
        }
        return removed;
    }

    static boolean isStaleWorkFolder(String name) {
        Matcher m = WORK_FOLDER.matcher(name);
        if (m.matches()) return !alive(Long.parseLong(m.group(1)));
        Matcher legacy = LEGACY_WORK_FOLDER.matcher(name);
        return legacy.matches() && Generators.names().contains(legacy.group(1));
    }

    /** A staging folder belongs to a live run if its owner file, or any temporary file in it, names a live pid. */
    private static boolean ownerAlive(Path run) throws IOException {
        Path owner = run.resolve(OWNER);
        if (Files.isRegularFile(owner)) {
            try {
                return alive(Long.parseLong(Files.readString(owner, StandardCharsets.US_ASCII).strip()));
            } catch (NumberFormatException e) {
                return false;
            }
        }
        try (Stream<Path> s = Files.walk(run)) {
            return s.map(p -> LocalStorage.tempFileOwner(p.getFileName().toString())).anyMatch(pid -> pid != null && alive(pid));
        }
    }

    private static boolean alive(long pid) {
        return pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static List<Path> children(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    private static void remove(Path p, List<Path> removed) throws IOException {
        try {
            WorkFolders.delete(p);
        } catch (IOException e) {
            throw new IOException("cannot remove the leftover " + p + ": " + e.getMessage(), e);
        }
        removed.add(p);
    }
}
