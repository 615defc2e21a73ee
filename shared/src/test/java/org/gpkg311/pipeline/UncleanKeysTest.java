package org.gpkg311.pipeline;

import static org.gpkg311.testing.Fixtures.HUB_HEADER;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.gpkg311.profile.CityProfile;
import org.gpkg311.read.RunRefusedException;
import org.gpkg311.snapshot.Snapshot;
import org.gpkg311.storage.LocalStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keys that are not clean relative keys (issue 9, item 6) are skipped and named, never read and never fatal. On a
 * local disk such keys come from file names with a backslash: the storage turns {@code \} into {@code /}, so a
 * file named {@code \x.csv} lists as {@code raw/311//x.csv} and one named {@code ..\x.csv} as {@code raw/311/../x.csv}
 * (which, read, would be the different file {@code raw/x.csv}).
 */
class UncleanKeysTest {

    private static final Instant CLOCK = Instant.parse("2025-12-01T00:00:00Z");

    @TempDir
    Path root;

    private static String csv(String id) {
        return HUB_HEADER + "\n" + id + ",New,Public Safety,Noise,,2025-11-01T10:00:00Z,,Phone,100 Broadway,NASHVILLE,19,"
                + "37203,36.1615,-86.7764\n";
    }

    @Test
    void doubleSlashAndDotDotKeysBesideAGoodFileAreNamedInTheQualityReport() throws Exception {
        Path raw = Files.createDirectories(root.resolve("raw/311"));
        Files.writeString(raw.resolve("good.csv"), csv("1"), StandardCharsets.UTF_8);
        Files.writeString(raw.resolve("\\x.csv"), csv("2"), StandardCharsets.UTF_8);
        Files.writeString(raw.resolve("..\\x.csv"), csv("3"), StandardCharsets.UTF_8);
        Files.writeString(root.resolve("raw/x.csv"), csv("4"), StandardCharsets.UTF_8); // what "../x.csv" would reach
        List<String> keys = new LocalStorage(root).list("raw/311/").stream().map(o -> o.key()).toList();
        assertEquals(List.of("raw/311/../x.csv", "raw/311//x.csv", "raw/311/good.csv"), keys, "the keys this test is about");

        CityProfile nashville = CityProfile.nashville();
        Inputs inputs = Inputs.resolve(List.of(root.toString()), null, nashville);
        Snapshot s = Pipeline.prepare(inputs, nashville, null, CLOCK, null, RunListener.SILENT);

        assertEquals(List.of("1"), s.requests().stream().map(r -> r.requestId()).toList());
        assertEquals(1, s.quality().rowsRead());
        assertEquals(List.of(root.toAbsolutePath() + "/raw/311/good.csv"), s.quality().sources());
        String doubleSlash = "object skipped, not a clean relative key: " + root.toAbsolutePath() + "/raw/311//x.csv";
        String dotDot = "object skipped, not a clean relative key: " + root.toAbsolutePath() + "/raw/311/../x.csv";
        assertEquals(1L, s.quality().notes().get(doubleSlash), s.quality().notes().toString());
        assertEquals(1L, s.quality().notes().get(dotDot), s.quality().notes().toString());

        String json = new String(QualityJson.toJson(s), StandardCharsets.UTF_8);
        assertTrue(json.contains("raw/311//x.csv"), json);
        assertTrue(json.contains("raw/311/../x.csv"), json);
    }

    @Test
    void aFolderWithOnlyUncleanKeysIsRefusedNamingThem() throws Exception {
        Path raw = Files.createDirectories(root.resolve("raw/311"));
        Files.writeString(raw.resolve("\\x.csv"), csv("2"), StandardCharsets.UTF_8);
        RunRefusedException e = assertThrows(RunRefusedException.class,
                () -> Inputs.resolve(List.of(root.toString()), null, CityProfile.nashville()));
        assertTrue(e.getMessage().contains("raw/311//x.csv"), e.getMessage());
    }

    @Test
    void cleanKeys() {
        assertTrue(Inputs.isCleanKey("raw/311/2025-11-24.csv"));
        assertTrue(Inputs.isCleanKey("raw/311/a..b.csv"));
        assertTrue(Inputs.isCleanKey("reference/council-districts.geojson"));
        for (String bad : List.of("", "/raw/311/x.csv", "raw/311//x.csv", "raw/311/", "raw/311/../x.csv", "raw/./x.csv",
                "..", "raw\\311\\x.csv", "raw/311/x\n.csv")) {
            assertFalse(Inputs.isCleanKey(bad), bad);
        }
    }
}
