package org.gpkg311.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

import org.gpkg311.profile.CityProfile;
import org.gpkg311.profile.Field;
import org.gpkg311.profile.HeaderNames;

/**
 * The portal CSV export (current Hub headers and legacy Socrata headers), read leniently: a bare quote
 * inside an unquoted field (DMS strings such as {@code 36°02'30.5"} in addresses) is kept as text, extra
 * characters after a closing quote are kept, short and long records are allowed, a UTF-8 BOM is skipped.
 */
final class CsvRequestReader {

    private final CityProfile profile;

    CsvRequestReader(CityProfile profile) {
        this.profile = profile;
    }

    long read(String name, InputStream in, RowSink sink, RequestReader.ProgressTracker progress) throws IOException {
        CsvReader<CsvRecord> csv = CsvReader.builder()
                .allowExtraFields(true)
                .allowMissingFields(true)
                .allowExtraCharsAfterClosingQuote(true)
                .skipEmptyLines(true)
                .detectBomHeader(true)
                .ofCsvRecord(in, StandardCharsets.UTF_8);
        long rows = 0;
        try {
            var it = csv.iterator();
            if (!it.hasNext()) return 0;
            CsvRecord header = it.next();
            progress.at(header.getStartingLineNumber());
            int[] columnOf = mapHeader(name, header);
            Field[] fields = Field.values();
            while (it.hasNext()) {
                CsvRecord rec = it.next();
                long line = rec.getStartingLineNumber();
                progress.at(line);
                Map<Field, Object> values = new EnumMap<>(Field.class);
                int n = rec.getFieldCount();
                for (Field f : fields) {
                    int col = columnOf[f.ordinal()];
                    if (col < 0 || col >= n) continue;
                    String v = rec.getField(col);
                    if (!v.isBlank()) values.put(f, v);
                }
                sink.accept(new RawRow(name, line, values));
                rows++;
            }
        } catch (CsvParseException e) {
            throw new InputFormatException(name, progress.nextLine(), null,
                    "CSV cannot be parsed (" + e.getMessage() + ")", e);
        }
        return rows;
    }

    /** Column index of each canonical field (-1 when absent); the request id and open time are required. */
    private int[] mapHeader(String name, CsvRecord header) throws InputFormatException {
        Set<String> names = new LinkedHashSet<>();
        String[] normalised = new String[header.getFieldCount()];
        for (int i = 0; i < normalised.length; i++) {
            normalised[i] = HeaderNames.normalise(header.getField(i));
            names.add(normalised[i]);
        }
        Map<Field, String> resolved = profile.resolveColumns(names);
        for (Field required : new Field[] {Field.REQUEST_ID, Field.OPENED_AT}) {
            if (!resolved.containsKey(required)) {
                throw new InputFormatException(name, header.getStartingLineNumber(), required.key(),
                        "the header has no column for " + required.key() + " (looked for " + profile.aliases(required)
                                + " after normalising; header: "
                                + InputFormatException.abbreviate(String.join(", ", header.getFields()), 300) + ")");
            }
        }
        int[] columnOf = new int[Field.values().length];
        java.util.Arrays.fill(columnOf, -1);
        for (var e : resolved.entrySet()) {
            for (int i = 0; i < normalised.length; i++) {
                if (normalised[i].equals(e.getValue())) {
                    columnOf[e.getKey().ordinal()] = i;
                    break;
                }
            }
        }
        return columnOf;
    }
}
