package org.gpkg311.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What a user sees when the input is broken: exit code 2, one line naming file, line and field; nothing published. */
class BadInputTest {

    static final String HEADER = "Request #,Status,Request Type,Subrequest Type,Additional Subrequest Type,Date /Time Opened,"
            + "Date/Time Closed,Request Origin,Address,City,Council District,ZIP,Latitude,Longitude\n";

    @TempDir
    Path dir;

    record Outcome(int exit, String err) {}

    Outcome generate(String... args) {
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 1];
        all[0] = "generate";
        System.arraycopy(args, 0, all, 1, args.length);
        int exit = Main.run(new PrintWriter(err, true), all);
        return new Outcome(exit, err.toString());
    }

    @Test
    void aCsvWithoutTheOpenTimeColumnNamesFileLineAndField() throws Exception {
        Path csv = dir.resolve("export.csv");
        Files.writeString(csv, "Request #,Status,Request Type,Latitude,Longitude\n1,Closed,Pothole,36.16,-86.78\n", StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        Outcome o = generate("--only", "serviceEfficiency", "--input", csv.toString(), "--output", out.toString());
        assertEquals(2, o.exit(), o.err());
        String line = o.err().strip();
        assertFalse(line.contains("\n"), "one line: " + line);
        assertTrue(line.contains("export.csv"), line);
        assertTrue(line.contains("line 1"), line);
        assertTrue(line.toLowerCase().contains("open"), "names the missing field: " + line);
        assertFalse(Files.exists(out.resolve("serviceEfficiency")), "nothing published");
    }

    @Test
    void aTruncatedGzipNamesTheFile() throws Exception {
        Path gz = dir.resolve("export.csv.gz");
        byte[] full;
        try (var bytes = new java.io.ByteArrayOutputStream(); var zip = new java.util.zip.GZIPOutputStream(bytes)) {
            zip.write((HEADER + "1,Closed,Pothole,Potholes,,2025-11-01 10:00:00,2025-11-02 10:00:00,Phone,1 Main St,NASHVILLE,19,37201,36.1657,-86.7844\n").repeat(1).getBytes(StandardCharsets.UTF_8));
            zip.finish();
            full = bytes.toByteArray();
        }
        Files.write(gz, java.util.Arrays.copyOf(full, full.length / 2));
        Outcome o = generate("--only", "serviceEfficiency", "--input", gz.toString(), "--output", dir.resolve("out").toString());
        assertEquals(2, o.exit(), o.err());
        assertTrue(o.err().contains("export.csv.gz"), o.err());
        assertEquals(1, o.err().strip().lines().count(), o.err());
    }

    @Test
    void badRowsAreCountedByReasonAndTheRunGoesOn() throws Exception {
        // three good rows in district 19 (downtown, around the Capitol), one row per rejection kind below
        String rows = HEADER
                + "1,Closed,Pothole,Potholes,,2025-11-01 10:00:00,2025-11-01 12:00:00,Phone,1 Main St,NASHVILLE,19,37201,36.1657,-86.7844\n"
                + "2,Closed,Pothole,Potholes,,2025-11-02 10:00:00,2025-11-02 11:00:00,Phone,2 Main St,NASHVILLE,19,37201,36.1650,-86.7840\n"
                + "3,New,Pothole,Potholes,,2025-11-03 10:00:00,,Phone,3 Main St,NASHVILLE,19,37201,36.1655,-86.7850\n"
                + "4,Closed,Pothole,Potholes,,not a date,2025-11-02 11:00:00,Phone,4 Main St,NASHVILLE,19,37201,36.1650,-86.7840\n"
                + "5,Closed,Pothole,Potholes,,2025-11-02 10:00:00,2025-11-01 11:00:00,Phone,5 Main St,NASHVILLE,19,37201,36.1650,-86.7840\n"
                + "6,Closed,Pothole,Potholes,,2025-11-02 10:00:00,2025-11-02 11:00:00,Phone,6 Main St,NASHVILLE,,37201,91.5,-86.7840\n"
                + "2,Closed,Pothole,Potholes,,2025-11-02 10:00:00,2025-11-02 11:00:00,Phone,2 Main St,NASHVILLE,19,37201,36.1650,-86.7840\n";
        Path csv = dir.resolve("rows.csv");
        Files.writeString(csv, rows, StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        Outcome o = generate("--only", "serviceEfficiency", "--input", csv.toString(), "--output", out.toString(), "--work-dir", dir.resolve("work").toString());
        assertEquals(0, o.exit(), o.err());
        JsonNode p = new ObjectMapper().readTree(out.resolve("serviceEfficiency/serviceEfficiency.json").toFile()).get("provenance");
        assertEquals("7", p.get("rowsRead").asText());
        assertEquals("3", p.get("rowsAccepted").asText());
        assertEquals("4", p.get("rowsRejected").asText());
        assertEquals("1", p.get("rejected.unparseableOpenTime").asText());
        assertEquals("1", p.get("rejected.closedBeforeOpened").asText());
        assertEquals("1", p.get("rejected.invalidCoordinates").asText());
        assertEquals("1", p.get("rejected.duplicateRequestId").asText());
    }
}
