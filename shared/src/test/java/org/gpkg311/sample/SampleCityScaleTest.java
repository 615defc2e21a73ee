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
     * SHA-256 of the default sample (seed 311), `gpkg311 sample` then sha256sum. First pinned at commit c749277 to
     * show that the streamed writer gives the bytes of the earlier one, which held every row in memory and sorted
     * them all at once; re-pinned when the hot blocks were planted by intensity and the suburban type mix was
     * planted (issue 12), a change of the city on purpose. The digests of the generated GeoPackages are pinned on this sample, so any other change of
     * these bytes is a change of every published number.
     */
    private static final String[] DEFAULT_SHA256 = {
        "c79d29ce8ef23bfeba90cbe7acac3bf29fb556322e116b568d2a267aa5946016",
        "bd84c0059e84c77b998f41867a07edb2df976ff8781868a1b0b91f6d2a5513bb",
        "6b6665f437e91aee99764523973d792c8cfc25fb97c40a9795fc714b01becbdd",
    };

    @Test
    void theDefaultSampleIsByteForByteTheOneWrittenBeforeStreaming(@TempDir Path dir) throws Exception {
        SampleCity.Written w = SampleCity.write(dir, SampleCity.DEFAULT_SEED);
        assertEquals(3, w.rawFiles().size());
        for (int i = 0; i < 3; i++) assertEquals(DEFAULT_SHA256[i], sha256(w.rawFiles().get(i)), w.rawFiles().get(i).toString());
        assertEquals(66_312, w.rows());     // wc -l of the three files (gunzipped) minus the headers; Python's csv agrees
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
