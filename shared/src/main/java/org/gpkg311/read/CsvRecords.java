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
    /** The current physical line: {@code lineChars[0 .. lineLength)}, terminator in {@link #terminator}. */
    private char[] lineChars = new char[1024];
    private int lineLength;
    private String terminator;
    private char[] pending;
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
        char[] text;
        int length;
        long start;
        do {
            if (pending != null) {
                text = pending;
                length = pending.length;
                start = pendingLine;
                pending = null;
            } else {
                if (!readLine()) return null;
                text = lineChars;
                length = lineLength;
                start = lineNumber;
            }
        } while (length == 0);
        Fields fields = new Fields();
        fields.feed(text, length, start);
        while (fields.state == QUOTED) {
            String lineBreak = terminator;
            if (!readLine()) {
                int open = fields.values.size();
                String column = header != null && open < header.size() ? header.get(open) : "#" + (open + 1);
                throw new InputFormatException(name, start, column, "a quoted field opened on this line is still open"
                        + " at the end of the file (its closing quote is missing)");
            }
            if (looksLikeRecordStart(lineChars, lineLength)) {
                pending = java.util.Arrays.copyOf(lineChars, lineLength);
                pendingLine = lineNumber;
                return new Record(start, List.of(), true);
            }
            fields.current.append(lineBreak);
            fields.feed(lineChars, lineLength, start);
        }
        return new Record(start, fields.values, false);
    }

    private boolean looksLikeRecordStart(char[] text, int length) throws InputFormatException {
        if (header == null) return false;
        Fields f = new Fields();
        f.feed(text, length, lineNumber);
        return f.state != QUOTED && f.values.size() == header.size();
    }

    /** Field values of one record, fed line by line. */
    private final class Fields {
        final List<String> values = new ArrayList<>(16);
        final StringBuilder current = new StringBuilder();
        int state = PLAIN;
        boolean atFieldStart = true;

        void feed(char[] t, int n, long start) throws InputFormatException {
            int i = 0;
            while (i < n) {
                if (state == QUOTED) {
                    int j = i;
                    while (j < n && t[j] != '"') j++;
                    current.append(t, i, j - i);
                    if (j == n) break;
                    state = AFTER_QUOTE;
                    i = j + 1;
                    continue;
                }
                char c = t[i];
                if (c == ',') {
                    endField();
                    i++;
                } else if (c == '"' && atFieldStart) {
                    state = QUOTED;
                    atFieldStart = false;
                    i++;
                } else if (c == '"' && state == AFTER_QUOTE) {
                    current.append('"');  // "" inside quotes, or a quote reopening after extra characters
                    state = QUOTED;
                    i++;
                } else {
                    int j = i + 1;        // a run of plain text (a bare quote in it is text)
                    while (j < n && t[j] != ',' && (t[j] != '"' || state != AFTER_QUOTE)) j++;
                    current.append(t, i, j - i);
                    atFieldStart = false;
                    i = j;
                }
            }
            if (current.length() > MAX_RECORD_CHARS) tooLong(start);
            if (state != QUOTED) endField();
        }

        private void endField() {
            values.add(current.isEmpty() ? "" : current.toString());
            current.setLength(0);
            state = PLAIN;
            atFieldStart = true;
        }
    }

    private void tooLong(long start) throws InputFormatException {
        throw new InputFormatException(name, start, null, "a record longer than " + (MAX_RECORD_CHARS >> 20)
                + " Mi characters (a quote that never closes, or not a CSV export)");
    }

    /** Reads the next physical line into {@link #lineChars}; false at the end of the input. */
    private boolean readLine() throws IOException {
        lineLength = 0;
        terminator = "";
        boolean any = false;
        while (true) {
            if (pos == limit) {
                limit = in.read(buffer, 0, buffer.length);
                pos = 0;
                if (limit <= 0) {
                    limit = 0;
                    if (!any) return false;
                    break;
                }
            }
            any = true;
            int startPos = pos;
            while (pos < limit && buffer[pos] != '\n' && buffer[pos] != '\r') pos++;
            append(startPos, pos - startPos);
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
        if (first) {
            first = false;
            if (lineLength > 0 && lineChars[0] == '\uFEFF') {
                System.arraycopy(lineChars, 1, lineChars, 0, --lineLength);
            }
        }
        return true;
    }

    private void append(int from, int count) throws InputFormatException {
        if (lineLength + count > MAX_RECORD_CHARS) tooLong(lineNumber + 1);
        if (lineLength + count > lineChars.length) {
            lineChars = java.util.Arrays.copyOf(lineChars, Math.max(lineLength + count, 2 * lineChars.length));
        }
        System.arraycopy(buffer, from, lineChars, lineLength, count);
        lineLength += count;
    }
}
