package org.gpkg311.read;

import static org.junit.jupiter.api.Assertions.*;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.junit.jupiter.api.Test;

/**
 * {@link CsvRecords} splits well-formed (and leniently malformed but closed) CSV exactly as FastCSV's lenient mode
 * did before it (FastCSV is the independent oracle here), and differs only where a quote runs into further records.
 */
class CsvRecordsTest {

    private static List<String> ours(String csv, boolean header) throws Exception {
        CsvRecords r = new CsvRecords(new StringReader(csv), "t.csv");
        List<String> out = new ArrayList<>();
        CsvRecords.Record rec;
        boolean first = true;
        while ((rec = r.next()) != null) {
            if (first && header) r.header(rec.fields());
            first = false;
            out.add(rec.malformed() ? "L" + rec.line() + " MALFORMED" : "L" + rec.line() + " " + rec.fields());
        }
        return out;
    }

    private static List<String> fastCsv(String csv) {
        List<String> out = new ArrayList<>();
        for (CsvRecord rec : CsvReader.builder().allowExtraFields(true).allowMissingFields(true)
                .allowExtraCharsAfterClosingQuote(true).skipEmptyLines(true).detectBomHeader(true).ofCsvRecord(csv)) {
            out.add("L" + rec.getStartingLineNumber() + " " + rec.getFields());
        }
        return out;
    }

    @Test
    void leniencyMatchesFastCsv() throws Exception {
        for (String csv : List.of("\"abc\"def,x", "ab\"c,x", "\"a\"b\"c\",x", "\"a\"\"b\",x", "\"a\nb\",x\n\ny,z\r\nq\rw",
                " \"a\",b", "\"a\" ,b", "a,\"b\"\"\nc\",d", "x,\"\"\n", "a,b\n,\n\n\nc", "h,\"multi\r\n\r\nline\"\r\n1,2\r\n",
                "36°02'30.5\"N 86°39'19.6\"W,NASHVILLE\n", "\uFEFFh1,h2\n1,2")) {
            String shown = csv.replace("\n", "\\n").replace("\r", "\\r");
            List<String> expected = fastCsv(csv.replace("\uFEFF", ""));   // the BOM handling is checked separately
            assertEquals(expected, ours(csv, false), shown);
        }
    }

    @Test
    void anUnterminatedQuoteCostsOneRecordWhereFastCsvLostTheRest() throws Exception {
        String csv = "id,address,city\n1,\"100 Broadway,Nashville\n2,200 Main,Nashville\n3,\"300 Elm, Apt 4\",Nashville\n";
        assertEquals(1 + 1, fastCsv(csv).size(), "the lenient parser swallows records 2 and 3 into record 1");
        assertEquals(List.of("L1 [id, address, city]", "L2 MALFORMED", "L3 [2, 200 Main, Nashville]",
                "L4 [3, 300 Elm, Apt 4, Nashville]"), ours(csv, true));
    }

    @Test
    void aLineThatDoesNotParseAsAWholeRecordContinuesTheOpenField() throws Exception {
        // "Suite 5\",Nashville" has 2 fields, the header 3: it is the rest of the address, not a new record
        String csv = "id,address,city\n1,\"100 Broadway\nSuite 5\",Nashville\n2,x,y\n";
        assertEquals(List.of("L1 [id, address, city]", "L2 [1, 100 Broadway\nSuite 5, Nashville]", "L4 [2, x, y]"),
                ours(csv, true));
    }

    @Test
    void anOverlongRecordIsRefusedInsteadOfFillingMemory() {
        String csv = "id,address\n1,\"" + "x".repeat(CsvRecords.MAX_RECORD_CHARS / 8) + "\n";
        StringBuilder many = new StringBuilder(csv);
        for (int i = 0; i < 9; i++) many.append("x".repeat(CsvRecords.MAX_RECORD_CHARS / 8)).append('\n');
        InputFormatException e = assertThrows(InputFormatException.class, () -> ours(many.toString(), true));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("a record longer than 4 Mi characters"), e.getMessage());
    }
}
