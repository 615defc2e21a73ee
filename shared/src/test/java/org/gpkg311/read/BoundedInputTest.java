package org.gpkg311.read;

import static org.gpkg311.testing.Fixtures.HUB_HEADER;
import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

import org.gpkg311.profile.CityProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Input bounds of the city profile (issue 9, item 7), each caused by a real file: a gzip bomb, an oversized CSV. */
class BoundedInputTest {

    private static final long MEMBER = 64L << 20;   // one gzip member: 64 MiB of newlines
    private static final int MEMBERS = 64;           // 64 members: 4 GiB uncompressed

    @TempDir
    static Path dir;

    private static final java.util.Map<String, Path> bombs = new java.util.HashMap<>();

    /** The newline bomb of the issue: 4 GiB of empty lines. */
    static Path bomb() throws IOException {
        return bomb("bomb.csv.gz", "\n");
    }

    /**
     * A CSV header, then 4 GiB of {@code line} repeated, as 64 concatenated gzip members (RFC 1952 allows several
     * members; every gunzip reads them all). The 64 MiB member is compressed once, streamed in 64 KiB writes, and
     * written 64 times: the bomb is never in memory, only its small compressed member is.
     */
    static synchronized Path bomb(String name, String line) throws IOException {
        if (bombs.containsKey(name)) return bombs.get(name);
        ByteArrayOutputStream member = new ByteArrayOutputStream();
        byte[] chunk = line.repeat((64 << 10) / line.length()).getBytes(StandardCharsets.US_ASCII);
        assertEquals(64 << 10, chunk.length, "the line length divides 64 KiB");
        try (OutputStream gz = new GZIPOutputStream(member, 1 << 16)) {
            for (long done = 0; done < MEMBER; done += chunk.length) gz.write(chunk);
        }
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(header)) {
            gz.write((HUB_HEADER + "\n").getBytes(StandardCharsets.UTF_8));
        }
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            header.writeTo(out);
            for (int i = 0; i < MEMBERS; i++) member.writeTo(out);
        }
        bombs.put(name, file);
        return file;
    }

    private static CityProfile nashvilleWith(String limits) throws IOException {
        String json;
        try (var in = CityProfile.class.getResourceAsStream("/profiles/nashville.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String replaced = json.replaceFirst("\"inputLimits\": \\{[^}]*}", "\"inputLimits\": " + limits);
        assertNotEquals(json, replaced, "the bundled profile states its limits");
        return CityProfile.load(new java.io.ByteArrayInputStream(replaced.getBytes(StandardCharsets.UTF_8)));
    }

    /** The bomb read with the bundled profile in a child JVM of 32 MiB heap: it stops at the ratio check. */
    @Test
    void aGzipBombFailsOnTheRatioLimitWithBoundedMemory() throws Exception {
        Path file = bomb();
        assertTrue(Files.size(file) < 16L << 20, "a small file: " + Files.size(file));
        assertTrue(Files.size(file) * 200 < (long) MEMBERS * MEMBER, "inflates more than 200:1 by construction");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx32m",
                "-cp", System.getProperty("java.class.path"), ReadOneObject.class.getName(), file.toString())
                .redirectErrorStream(true).start();
        long t0 = System.nanoTime();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the read must stop on the limit, not run through 4 GiB");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        System.out.printf("gzip bomb refused after %.1f s in a 32 MiB JVM: %s%n", (System.nanoTime() - t0) / 1e9, out.strip());
        assertEquals(ReadOneObject.REFUSED, p.exitValue(), out);
        assertTrue(out.startsWith(file + ": inflates more than 200:1 ("), out);
        assertTrue(out.contains("raise inputLimits.maxCompressionRatio in the city profile"), out);
        assertFalse(out.strip().contains("\n"), out);
        // it stopped early: after the 8 MiB the ratio is checked after, within the first of the 64 members
        Matcher m = Pattern.compile("\\((\\d+\\.\\d) MiB from").matcher(out);
        assertTrue(m.find(), out);
        double mib = Double.parseDouble(m.group(1));
        assertTrue(mib > 8 && mib < 64, out);
    }

    @Test
    void theByteLimitStopsAReadAndProgressIsReportedOnTheWay() throws Exception {
        CityProfile p = nashvilleWith("{\"maxBytesPerObject\": 629145600, \"maxCompressionRatio\": 100000}"); // 600 MiB
        List<long[]> reports = new ArrayList<>();
        RequestReader reader = new RequestReader(p, (source, bytes, line) -> reports.add(new long[] {bytes, line}));
        // lines of 1,023 x and a newline: few records per MiB, so the 600 MiB are read quickly
        Path file = bomb("long-lines.csv.gz", "x".repeat(1023) + "\n");
        long[] rows = {0};
        InputLimitException e = assertThrows(InputLimitException.class, () -> reader.read(RawSource.of(file), row -> rows[0]++));
        // 600 MiB hold 614,399 whole 1 KiB lines after the header; the stop comes inside the buffered chunk
        // (64 KiB at most) that crosses the limit, so the records before it number 614,399 minus at most 128
        long whole = ((600L << 20) - HUB_HEADER.length() - 1) / 1024;
        assertEquals(614_399, whole);
        assertTrue(rows[0] <= whole && rows[0] >= whole - 2 * 64, "rows before the stop: " + rows[0]);
        assertEquals(file + ": more than 600.0 MiB after decompression (at line " + (rows[0] + 2) + "); if the object is"
                + " real, raise inputLimits.maxBytesPerObject in the city profile", e.getMessage());
        assertEquals(2, reports.size(), "at 256 and 512 MiB");
        assertTrue(reports.get(0)[0] >= 256L << 20 && reports.get(0)[0] < (257L << 20), "" + reports.get(0)[0]);
        assertTrue(reports.get(1)[0] >= 512L << 20 && reports.get(1)[0] < (513L << 20), "" + reports.get(1)[0]);
    }

    @Test
    void aPlainFileOverTheByteLimitNamesTheLineAndTheProfileField(@TempDir Path tmp) throws Exception {
        CityProfile p = nashvilleWith("{\"maxBytesPerObject\": 1048576}");
        StringBuilder csv = new StringBuilder(HUB_HEADER).append('\n');
        String row = ",New,Public Safety,Noise,,2025-11-01T10:00:00Z,,Phone,100 Broadway,NASHVILLE,19,37203,36.1615,-86.7764\n";
        for (int i = 0; csv.length() < 2 << 20; i++) csv.append(i).append(row);
        Path file = tmp.resolve("big.csv");
        Files.writeString(file, csv, StandardCharsets.US_ASCII);
        long[] rows = {0};
        InputLimitException e = assertThrows(InputLimitException.class,
                () -> new RequestReader(p, ReadProgress.SILENT).read(RawSource.of(file), r -> rows[0]++));
        assertTrue(e.getMessage().startsWith(file + ": more than 1.0 MiB after decompression (at line "), e.getMessage());
        assertTrue(e.getMessage().endsWith("raise inputLimits.maxBytesPerObject in the city profile"), e.getMessage());
        assertTrue(rows[0] > 0 && rows[0] < (1 << 20) / (row.length() + 1), "rows before the stop: " + rows[0]);
    }

    @Test
    void aProfileWithoutLimitsTakesTheDefaultsAndAPartialOneKeepsTheRest() throws Exception {
        String json;
        try (var in = CityProfile.class.getResourceAsStream("/profiles/nashville.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String without = json.replaceFirst(",\\s*\"inputLimits\": \\{[^}]*}", "");
        assertFalse(without.contains("inputLimits"));
        var limits = CityProfile.load(new java.io.ByteArrayInputStream(without.getBytes(StandardCharsets.UTF_8))).inputLimits();
        assertEquals(2L * 1024 * 1024 * 1024, limits.maxBytesPerObject());
        assertEquals(200, limits.maxCompressionRatio());
        assertEquals(8L * 1024 * 1024, limits.ratioCheckAfterBytes());
        var partial = nashvilleWith("{\"maxCompressionRatio\": 50}").inputLimits();
        assertEquals(50, partial.maxCompressionRatio());
        assertEquals(2L * 1024 * 1024 * 1024, partial.maxBytesPerObject());
        assertThrows(IllegalArgumentException.class, () -> nashvilleWith("{\"maxBytesPerObject\": 0}"));
    }

    @Test
    void aSmallVeryRegularGzipPassesBecauseTheRatioIsCheckedOnlyAfterTheFirstMegabytes() throws Exception {
        StringBuilder csv = new StringBuilder(HUB_HEADER).append('\n');
        String row = "1,New,Public Safety,Noise,,2025-11-01T10:00:00Z,,Phone,100 Broadway,NASHVILLE,19,37203,36.1615,-86.7764\n";
        while (csv.length() < 4 << 20) csv.append(row);   // 4 MiB of one row: compresses far beyond 200:1
        byte[] gz = org.gpkg311.testing.Fixtures.gzip(csv.toString().getBytes(StandardCharsets.US_ASCII));
        assertTrue(gz.length * 200L < csv.length(), "ratio " + csv.length() / gz.length);
        long n = new RequestReader(CityProfile.nashville(), ReadProgress.SILENT).read(RawSource.of("same.csv.gz", gz), r -> { });
        assertEquals((csv.length() - HUB_HEADER.length() - 1) / row.length(), n);
    }
}
