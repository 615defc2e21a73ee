package org.gpkg311.sample;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.gpkg311.clean.RejectionReason;
import org.gpkg311.snapshot.Snapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample city at another size: streamed day by day, and the default size unchanged by the streaming. */
class SampleCityScaleTest {

    /**
     * SHA-256 of the default sample (seed 311) as the earlier generator wrote it, which held every row in memory
     * and sorted them all at once (branch stats, commit c749277, `gpkg311 sample` then sha256sum). The digests of
     * the generated GeoPackages are pinned on this sample, so the streamed writer must give the same bytes.
     */
    private static final String[] DEFAULT_SHA256 = {
        "931b496da63c445ef5e23b21dc2f8213062fad3e1467be1823f6dd92920ebc26",
        "1ee4c5f80ee93f2d754a4cc3ea961f2f4a1255d6783ef55281d14a821ed35cfe",
        "9a1c194d4361bec8b5454b5b8ea7e4d71582c14346c15950067f151d19a8531f",
    };

    @Test
    void theDefaultSampleIsByteForByteTheOneWrittenBeforeStreaming(@TempDir Path dir) throws Exception {
        SampleCity.Written w = SampleCity.write(dir, SampleCity.DEFAULT_SEED);
        assertEquals(3, w.rawFiles().size());
        for (int i = 0; i < 3; i++) assertEquals(DEFAULT_SHA256[i], sha256(w.rawFiles().get(i)), w.rawFiles().get(i).toString());
        assertEquals(65_639, w.rows());     // wc -l of the three files (gunzipped) minus the headers, before the change
    }

    @Test
    void requestsSetTheCountInTheWindow(@TempDir Path dir) throws IOException {
        int asked = 120_000;
        SampleCity.Written w = SampleCity.writeRequests(dir, 7, asked);
        Snapshot s = snapshot(w);
        int inWindow = s.requests().size();
        // bad rows and re-exported copies are not requests; storm days and the daily noise move the count a little
        assertTrue(Math.abs(inWindow - asked) <= 0.03 * asked, "requests in the window: " + inWindow + ", asked " + asked);
        int rowsRead = (int) s.quality().rowsRead();
        assertEquals(w.rows(), rowsRead);
        // the shares of the default city hold at this size: 2.5% bad rows, every rejection reason present but a
        // malformed record (the sample writes well-formed CSV: a broken quote is a test of the reader, not of the city)
        assertEquals(Math.round(SampleCity.rowsFor(asked) * 0.025), w.badRows());
        var rejected = s.quality().rejectedByReason();
        for (RejectionReason r : RejectionReason.values()) {
            if (r == RejectionReason.MALFORMED_RECORD) assertEquals(0L, (long) rejected.get(r.label()), r.label() + ": " + rejected);
            else assertTrue(rejected.get(r.label()) > 0, r.label() + ": " + rejected);
        }
        // a re-exported request opened before the window is counted outside the window, not as a duplicate
        long duplicates = rejected.get(RejectionReason.DUPLICATE.label());
        assertTrue(duplicates <= w.duplicateRows() && duplicates >= 0.9 * w.duplicateRows(), duplicates + " of " + w.duplicateRows());
        long spoiled = rejected.values().stream().mapToLong(Long::longValue).sum() - duplicates;
        // a spoiled copy is rejected once unless the window check comes first (a parseable time before the
        // window); a few good rows are rejected too (a point outside every district)
        assertTrue(spoiled >= 0.9 * w.badRows() && spoiled <= w.badRows() * 1.2, "rejected " + spoiled + " of " + w.badRows() + " bad rows");
    }

    @Test
    void tooFewRequestsAreRefused(@TempDir Path dir) {
        var e = assertThrows(IllegalArgumentException.class, () -> SampleCity.writeRequests(dir, 1, 10));
        assertEquals("--requests must be at least 1000, got 10", e.getMessage());
    }

    private static Snapshot snapshot(SampleCity.Written w) throws IOException {
        return SampleSnapshots.of(w, "sample-scale-test");
    }

    private static String sha256(Path p) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    }
}
