package org.gpkg311.read;

import java.io.IOException;

/**
 * An input object that cannot be read as a 311 export at all (as opposed to single bad rows, which are
 * counted as rejections). Its message is ONE line naming the object, the line and the field, so that a
 * user can open the file at the right place: {@code raw/311/x.csv: line 1, field openedAt: …}.
 */
public class InputFormatException extends IOException {

    private final String source;
    private final long line;
    private final String field;

    public InputFormatException(String source, long line, String field, String problem) {
        this(source, line, field, problem, null);
    }

    public InputFormatException(String source, long line, String field, String problem, Throwable cause) {
        super(oneLine(source + ": line " + line + ", field " + (field == null ? "-" : field) + ": " + problem), cause);
        this.source = source;
        this.line = line;
        this.field = field;
    }

    /** For problems that concern the whole object (or the whole run) rather than one line: the message as given. */
    protected InputFormatException(String source, String message, Throwable cause) {
        super(oneLine(message), cause);
        this.source = source;
        this.line = 0;
        this.field = null;
    }

    public String source() {
        return source;
    }

    public long line() {
        return line;
    }

    public String field() {
        return field;
    }

    /** At most {@code max} characters of {@code s} (an echoed header can be a whole binary file's first line). */
    static String abbreviate(String s, int max) {
        String t = oneLine(s).replaceAll("\\p{Cntrl}", "?");
        return t.length() <= max ? t : t.substring(0, max) + "…";
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
