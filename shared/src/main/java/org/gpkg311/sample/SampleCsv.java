package org.gpkg311.sample;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Writes rows the way the Hub export does, including its quirks: the header spelling {@code Date /Time Opened},
 * quotes only around fields with a comma, and bare quotes left unescaped inside unquoted fields (DMS addresses).
 * One open file, written row by row, so that a large city never sits in memory.
 */
final class SampleCsv implements AutoCloseable {

    static final String HEADER = "Request #,Status,Request Type,Subrequest Type,Additional Subrequest Type,"
            + "Date /Time Opened,Date/Time Closed,Request Origin,Address,City,Council District,ZIP,Latitude,Longitude";

    private final BufferedWriter w;
    private final StringBuilder line = new StringBuilder(256);
    private boolean closed;

    private SampleCsv(OutputStream out) throws IOException {
        w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        w.write(HEADER);
        w.write("\r\n");
    }

    /** Creates {@code file} (gzip-compressed if asked) and writes the header. */
    static SampleCsv open(Path file, boolean gzip) throws IOException {
        OutputStream out = Files.newOutputStream(file);
        try {
            return new SampleCsv(gzip ? new GZIPOutputStream(out, 1 << 16) : out);
        } catch (IOException | RuntimeException e) {
            out.close();
            throw e;
        }
    }

    void row(SampleRow r) throws IOException {
        line.setLength(0);
        String[] f = r.fields();
        for (int i = 0; i < f.length; i++) {
            if (i > 0) line.append(',');
            field(line, f[i]);
        }
        line.append("\r\n");
        w.write(line.toString());
    }

    @Override
    public void close() throws IOException {
        if (closed) return;
        closed = true;
        w.close();
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
