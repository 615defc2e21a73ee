package org.gpkg311.geo;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The records of a dBASE III {@code .dbf} table beside a shapefile: a 32-byte header (record count, header and
 * record lengths, little-endian; the language driver id at byte 29), 32-byte field descriptors up to 0x0D, then
 * fixed-width records led by a deletion flag. Character fields are decoded in the {@code .cpg} encoding, else in
 * the one the language driver id names (GDAL writes 0x57, ISO-8859-1). Numeric fields become Long or Double,
 * blank ones null.
 */
final class ShapefileAttributes {

    private ShapefileAttributes() {
    }

    /** Each record as field name → value, in file order; a deleted record is null (its shape is skipped too). */
    static List<Map<String, Object>> read(byte[] dbf, String name, Charset charset) {
        ByteBuffer b = ByteBuffer.wrap(dbf).order(ByteOrder.LITTLE_ENDIAN);
        if (dbf.length < 33) throw new IllegalArgumentException(name + ": not a dBASE file (shorter than its header)");
        int count = b.getInt(4), headerLength = Short.toUnsignedInt(b.getShort(8)),
                recordLength = Short.toUnsignedInt(b.getShort(10));
        List<String> names = new ArrayList<>();
        List<int[]> spans = new ArrayList<>();   // offset in the record, width
        List<Character> types = new ArrayList<>();
        int offset = 1;
        for (int at = 32; at + 32 <= headerLength && dbf[at] != 0x0D; at += 32) {
            int len = 0;
            while (len < 11 && dbf[at + len] != 0) len++;
            names.add(new String(dbf, at, len, StandardCharsets.US_ASCII).strip());
            types.add((char) dbf[at + 11]);
            int width = Byte.toUnsignedInt(dbf[at + 16]);
            spans.add(new int[] {offset, width});
            offset += width;
        }
        if (names.isEmpty() || offset != recordLength) {
            throw new IllegalArgumentException(name + ": dBASE header is inconsistent (fields of " + (offset - 1)
                    + " bytes in records of " + recordLength + ")");
        }
        if ((long) headerLength + (long) count * recordLength > dbf.length) {
            throw new IllegalArgumentException(name + ": " + count + " records declared but the file is cut short");
        }
        List<Map<String, Object>> records = new ArrayList<>(count);
        for (int r = 0; r < count; r++) {
            int at = headerLength + r * recordLength;
            if (dbf[at] == '*') {
                records.add(null);
                continue;
            }
            Map<String, Object> values = new LinkedHashMap<>();
            for (int f = 0; f < names.size(); f++) {
                String text = new String(dbf, at + spans.get(f)[0], spans.get(f)[1], charset).strip();
                values.put(names.get(f), value(types.get(f), text, name, r + 1, names.get(f)));
            }
            records.add(values);
        }
        return records;
    }

    private static Object value(char type, String text, String name, int record, String field) {
        if (text.isEmpty() || text.chars().allMatch(c -> c == '*')) return null; // blank or dBASE's overflow
        if (type != 'N' && type != 'F') return text;
        try {
            return text.contains(".") || text.contains("e") || text.contains("E")
                    ? (Object) Double.parseDouble(text) : (Object) Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": record " + record + ", field " + field
                    + ": not a number: \"" + text + "\"");
        }
    }

    /** The text encoding the {@code .cpg} names ("UTF-8", "1252", "ISO-8859-1", …), else the language driver's. */
    static Charset charset(byte[] cpg, String cpgName, byte[] dbf) {
        if (cpg != null) {
            String label = new String(cpg, StandardCharsets.US_ASCII).strip();
            String java = switch (label.toUpperCase(Locale.ROOT).replace("-", "").replace("_", "")) {
                case "UTF8", "65001" -> "UTF-8";
                case "88591", "ISO88591", "28591" -> "ISO-8859-1";
                case "1252", "ANSI1252", "CP1252", "WINDOWS1252" -> "windows-1252";
                case "437", "OEM", "CP437" -> "IBM437";
                default -> label;
            };
            try {
                return Charset.forName(java);
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                throw new IllegalArgumentException(cpgName + ": unknown text encoding \"" + label + "\"");
            }
        }
        int ldid = dbf.length > 29 ? Byte.toUnsignedInt(dbf[29]) : 0;
        return switch (ldid) {
            case 0x01 -> Charset.forName("IBM437");
            case 0x02 -> Charset.forName("IBM850");
            case 0x03 -> Charset.forName("windows-1252");
            default -> StandardCharsets.ISO_8859_1; // 0x57 and no id: ISO-8859-1, as GDAL reads and writes it
        };
    }
}
