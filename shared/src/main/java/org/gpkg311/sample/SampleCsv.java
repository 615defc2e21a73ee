package org.gpkg311.sample;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes rows the way the Hub export does, including its quirks: the header spelling {@code Date /Time Opened},
 * quotes only around fields with a comma, and bare quotes left unescaped inside unquoted fields (DMS addresses).
 */
final class SampleCsv {

    static final String HEADER = "Request #,Status,Request Type,Subrequest Type,Additional Subrequest Type,"
            + "Date /Time Opened,Date/Time Closed,Request Origin,Address,City,Council District,ZIP,Latitude,Longitude";

    private SampleCsv() {}

    static void write(OutputStream out, List<SampleRow> rows) throws IOException {
        BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        w.write(HEADER);
        w.write("\r\n");
        StringBuilder line = new StringBuilder(256);
        for (SampleRow r : rows) {
            line.setLength(0);
            String[] f = r.fields();
            for (int i = 0; i < f.length; i++) {
                if (i > 0) line.append(',');
                field(line, f[i]);
            }
            line.append("\r\n");
            w.write(line.toString());
        }
        w.flush();
    }

    private static void field(StringBuilder line, String v) {
        boolean quote = v.indexOf(',') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0 || v.startsWith("\"");
        if (!quote) {
            line.append(v);
            return;
        }
        line.append('"').append(v.replace("\"", "\"\"")).append('"');
    }
}
