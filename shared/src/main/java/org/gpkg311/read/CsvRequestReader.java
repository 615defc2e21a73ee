package org.gpkg311.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gpkg311.profile.CityProfile;
import org.gpkg311.profile.Field;
import org.gpkg311.profile.HeaderNames;

/**
 * The portal CSV export (current Hub headers and legacy Socrata headers), read leniently by {@link CsvRecords}: a
 * bare quote inside an unquoted field (DMS strings such as {@code 36°02'30.5"} in addresses) is kept as text, extra
 * characters after a closing quote are kept, short and long records are allowed, a UTF-8 BOM is skipped. A record
 * whose quote never closes before what parses as the next record is passed on as a {@linkplain RawRow#malformed
 * malformed row} (counted, not lost), and reading goes on with the next record.
 */
final class CsvRequestReader {

    private final CityProfile profile;

    CsvRequestReader(CityProfile profile) {
        this.profile = profile;
    }

    long read(String name, InputStream in, RowSink sink, RequestReader.ProgressTracker progress) throws IOException {
        CsvRecords csv = new CsvRecords(new InputStreamReader(in, StandardCharsets.UTF_8), name);
        CsvRecords.Record header = csv.next();
        if (header == null) return 0;
        progress.at(header.line());
        int[] columnOf = mapHeader(name, header);
        csv.header(header.fields());
        Field[] fields = Field.values();
        long rows = 0;
        CsvRecords.Record rec;
        while ((rec = csv.next()) != null) {
            long line = rec.line();
            progress.at(line);
            rows++;
            if (rec.malformed()) {
                sink.accept(RawRow.malformed(name, line));
                continue;
            }
            Map<Field, Object> values = new EnumMap<>(Field.class);
            List<String> record = rec.fields();
            int n = record.size();
            for (Field f : fields) {
                int col = columnOf[f.ordinal()];
                if (col < 0 || col >= n) continue;
                String v = record.get(col);
                if (!v.isBlank()) values.put(f, v);
            }
            sink.accept(new RawRow(name, line, values));
        }
        return rows;
    }

    /** Column index of each canonical field (-1 when absent); the request id and open time are required. */
    private int[] mapHeader(String name, CsvRecords.Record header) throws InputFormatException {
        Set<String> names = new LinkedHashSet<>();
        String[] normalised = new String[header.fields().size()];
        for (int i = 0; i < normalised.length; i++) {
            normalised[i] = HeaderNames.normalise(header.fields().get(i));
            names.add(normalised[i]);
        }
        Map<Field, String> resolved = profile.resolveColumns(names);
        for (Field required : new Field[] {Field.REQUEST_ID, Field.OPENED_AT}) {
            if (!resolved.containsKey(required)) {
                throw new InputFormatException(name, header.line(), required.key(),
                        "the header has no column for " + required.key() + " (looked for " + profile.aliases(required)
                                + " after normalising; header: "
                                + InputFormatException.abbreviate(String.join(", ", header.fields()), 300) + ")");
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
