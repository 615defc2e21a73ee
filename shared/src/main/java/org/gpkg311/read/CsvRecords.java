package org.gpkg311.read;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a CSV export into records, leniently as portal exports need (a quote opens a quoted field only as the field's
 * first character, a bare quote elsewhere is text, characters after a closing quote are kept, {@code ""} inside quotes
 * is one quote, empty lines are skipped, a UTF-8 BOM is dropped), and with one rule a general CSV parser lacks: a
 * quoted field still open at a line break continues on the next line only if that line does not itself parse as a
 * whole record (balanced quotes and exactly the header's field count). Otherwise the open record is reported as
 * {@linkplain Record#malformed() malformed} and reading resumes with that line, so one unterminated quote costs one
 * record, not the records after it. A legitimate multi-line field (an address with a line break) continues as usual.
 */
final class CsvRecords {

    /** Longest record accepted, in characters: far beyond any real 311 row, small enough to keep memory bounded. */
    static final int MAX_RECORD_CHARS = 4 << 20;

    /**
     * One record.
     *
     * @param line      physical line where the record starts (1-based)
     * @param fields    the field values (empty for a malformed record)
     * @param malformed a quoted field ran into what parses as further records
     */
    record Record(long line, List<String> fields, boolean malformed) {}

    private static final int QUOTED = 1, AFTER_QUOTE = 2, PLAIN = 0;

    private final Reader in;
    private final String name;
    private final char[] buffer = new char[1 << 16];
    private int pos, limit;
    private long lineNumber;
    private boolean first = true;
    private List<String> header;
    private final StringBuilder line = new StringBuilder();
    private String terminator;
    private String pending;
    private long pendingLine;

    CsvRecords(Reader in, String name) {
        this.in = in;
        this.name = name;
    }

    /** From now on, a line is a record start only if it has as many fields as this header. */
    void header(List<String> names) {
        this.header = List.copyOf(names);
    }

    /** The next record, or null at the end of the input. */
    Record next() throws IOException {
        String text;
        long start;
        do {
            if (pending != null) {
                text = pending;
                start = pendingLine;
                pending = null;
            } else {
                text = readLine();
                if (text == null) return null;
                start = lineNumber;
            }
        } while (text.isEmpty());
        Fields fields = new Fields();
        fields.feed(text, start);
        while (fields.state == QUOTED) {
            String lineBreak = terminator;
            String next = readLine();
            if (next == null) {
                int open = fields.values.size();
                String column = header != null && open < header.size() ? header.get(open) : "#" + (open + 1);
                throw new InputFormatException(name, start, column, "a quoted field opened on this line is still open"
                        + " at the end of the file (its closing quote is missing)");
            }
            if (looksLikeRecordStart(next)) {
                pending = next;
                pendingLine = lineNumber;
                return new Record(start, List.of(), true);
            }
            fields.current.append(lineBreak);
            fields.feed(next, start);
        }
        return new Record(start, fields.values, false);
    }

    private boolean looksLikeRecordStart(String text) throws InputFormatException {
        if (header == null) return false;
        Fields f = new Fields();
        f.feed(text, lineNumber);
        return f.state != QUOTED && f.values.size() == header.size();
    }

    /** Field values of one record, fed line by line. */
    private final class Fields {
        final List<String> values = new ArrayList<>();
        final StringBuilder current = new StringBuilder();
        int state = PLAIN;
        boolean atFieldStart = true;

        void feed(String text, long start) throws InputFormatException {
            for (int i = 0, n = text.length(); i < n; i++) {
                char c = text.charAt(i);
                if (state == QUOTED) {
                    if (c == '"') state = AFTER_QUOTE;
                    else current.append(c);
                } else if (c == ',') {
                    values.add(current.toString());
                    current.setLength(0);
                    state = PLAIN;
                    atFieldStart = true;
                } else if (c == '"' && atFieldStart) {
                    state = QUOTED;
                    atFieldStart = false;
                } else if (c == '"' && state == AFTER_QUOTE) {
                    current.append('"');  // "" inside quotes, or a quote reopening after extra characters
                    state = QUOTED;
                } else {
                    current.append(c);
                    atFieldStart = false;
                }
            }
            if (current.length() > MAX_RECORD_CHARS) tooLong(start);
            if (state != QUOTED) {
                values.add(current.toString());
                current.setLength(0);
            }
        }
    }

    private void tooLong(long start) throws InputFormatException {
        throw new InputFormatException(name, start, null, "a record longer than " + (MAX_RECORD_CHARS >> 20)
                + " Mi characters (a quote that never closes, or not a CSV export)");
    }

    /** The next physical line without its terminator (kept in {@link #terminator}), or null at the end. */
    private String readLine() throws IOException {
        line.setLength(0);
        terminator = "";
        boolean any = false;
        while (true) {
            if (pos == limit) {
                limit = in.read(buffer, 0, buffer.length);
                pos = 0;
                if (limit <= 0) {
                    limit = 0;
                    if (!any) return null;
                    break;
                }
            }
            any = true;
            int startPos = pos;
            while (pos < limit && buffer[pos] != '\n' && buffer[pos] != '\r') pos++;
            line.append(buffer, startPos, pos - startPos);
            if (line.length() > MAX_RECORD_CHARS) tooLong(lineNumber + 1);
            if (pos < limit) {
                char c = buffer[pos++];
                if (c == '\r') {
                    if (pos == limit) {
                        limit = in.read(buffer, 0, buffer.length);
                        pos = 0;
                        if (limit < 0) limit = 0;
                    }
                    if (pos < limit && buffer[pos] == '\n') {
                        pos++;
                        terminator = "\r\n";
                    } else {
                        terminator = "\r";
                    }
                } else {
                    terminator = "\n";
                }
                break;
            }
        }
        lineNumber++;
        String s = line.toString();
        if (first) {
            first = false;
            if (s.startsWith("\uFEFF")) s = s.substring(1);
        }
        return s;
    }
}
