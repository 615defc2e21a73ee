package org.gpkg311.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Clean start removes what a dead process left and keeps what a live one is writing. */
class StaleRunsTest {

    @TempDir
    Path dir;

    @Test
    void onlyTheLeftoversOfDeadProcessesGo() throws Exception {
        long live = ProcessHandle.current().pid();
        Process p = new ProcessBuilder("true").start();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        long dead = p.pid(); // exited and reaped: no such process any more

        Path out = dir.resolve("out");
        Path work = dir.resolve("work");
        Path liveStaging = Files.createDirectories(out.resolve(".staging/run-live/out/trendDirection"));
        Files.writeString(out.resolve(".staging/run-live/owner"), Long.toString(live));
        Path deadStaging = Files.createDirectories(out.resolve(".staging/run-dead/out/trendDirection"));
        Files.writeString(out.resolve(".staging/run-dead/owner"), Long.toString(dead));
        Path liveTemp = Files.writeString(Files.createDirectories(out.resolve("trendDirection"))
                .resolve(".incoming-p" + live + "-abc.tmp"), "x");
        Path deadTemp = Files.writeString(out.resolve("trendDirection/.incoming-p" + dead + "-def.tmp"), "x");
        Path legacyTemp = Files.writeString(out.resolve("trendDirection/.incoming-4821093812345.tmp"), "x");
        Path kept = Files.writeString(out.resolve("trendDirection/trendDirection.gpkg"), "published");
        Path liveWork = Files.createDirectories(work.resolve("p" + live + "-trendDirection-123"));
        Path deadWork = Files.createDirectories(work.resolve("p" + dead + "-trendDirection-456"));
        Path legacyWork = Files.createDirectories(work.resolve("serviceEfficiency-789"));
        Path foreign = Files.createDirectories(work.resolve("somebody-else"));

        List<Path> removed = StaleRuns.clean(out, work);

        assertEquals(Set.of(deadStaging.getParent().getParent(), deadTemp, legacyTemp, deadWork, legacyWork),
                removed.stream().collect(Collectors.toSet()));
        for (Path gone : removed) assertFalse(Files.exists(gone), gone.toString());
        for (Path stays : List.of(liveStaging, liveTemp, kept, liveWork, foreign)) assertTrue(Files.exists(stays), stays.toString());
    }
}
