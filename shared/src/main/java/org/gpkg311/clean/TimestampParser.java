package org.gpkg311.clean;

import java.text.ParsePosition;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.gpkg311.profile.CityProfile;

/**
 * Turns a raw timestamp value into an instant: JSON numbers and all-digit text are epoch milliseconds
 * (ArcGIS dates); text is tried against the profile's patterns, a zone or offset in the text wins,
 * otherwise the profile's source zone applies (UTC for Nashville's exports). Resolution is strict:
 * 02/30/2025 is unparseable, not silently moved to another day.
 */
public final class TimestampParser {

    private static final Pattern EPOCH_MILLIS = Pattern.compile("-?\\d{1,15}(\\.0*)?");

    private final ZoneId sourceZone;
    private final List<TextFormat> formats = new ArrayList<>();

    /** One accepted text shape: the instant, or null when the text does not have this shape. */
    @FunctionalInterface
    interface TextFormat {
        Instant parse(String text);
    }
    private int lastHit;

    public TimestampParser(CityProfile profile) {
        this(profile.timestampPatterns(), profile.sourceZone());
    }

    public TimestampParser(List<String> patterns, ZoneId sourceZone) {
        this.sourceZone = sourceZone;
        for (String p : patterns) {
            TextFormat fast = FastTimestamps.forPattern(p, sourceZone);
            if (fast != null) {
                formats.add(fast);
            } else {
                DateTimeFormatter f = compile(p);
                formats.add(s -> parseWith(f, s, sourceZone));
            }
        }
    }

    static DateTimeFormatter compile(String pattern) {
        DateTimeFormatterBuilder b = new DateTimeFormatterBuilder().parseCaseInsensitive();
        if (pattern.equalsIgnoreCase("ISO")) {
            b.append(DateTimeFormatter.ISO_LOCAL_DATE)
                    .optionalStart().appendLiteral('T').optionalEnd()
                    .optionalStart().appendLiteral(' ').optionalEnd()
                    .append(DateTimeFormatter.ISO_LOCAL_TIME)
                    .optionalStart().appendOffsetId().optionalEnd()
                    .optionalStart().appendLiteral('[').parseCaseSensitive().appendZoneRegionId().appendLiteral(']').optionalEnd();
        } else {
            b.appendPattern(pattern);
        }
        // 'yyyy' is year-of-era: strict resolution needs the era, which these exports never print.
        return b.parseDefaulting(ChronoField.ERA, 1).toFormatter(Locale.US).withResolverStyle(ResolverStyle.STRICT);
    }

    /** The instant, or null when the value cannot be read as a timestamp. A null value gives null too. */
    public Instant parse(Object value) {
        if (value == null) return null;
        if (value instanceof Number n) return Instant.ofEpochMilli(n.longValue());
        String s = value.toString().strip();
        if (s.isEmpty()) return null;
        if (looksNumeric(s) && EPOCH_MILLIS.matcher(s).matches()) {
            int dot = s.indexOf('.');
            return Instant.ofEpochMilli(Long.parseLong(dot < 0 ? s : s.substring(0, dot)));
        }
        int n = formats.size();
        for (int k = 0; k < n; k++) {
            int i = (lastHit + k) % n;
            Instant t = formats.get(i).parse(s);
            if (t != null) {
                lastHit = i;
                return t;
            }
        }
        return null;
    }

    /** Cheap pre-check before the regex: text timestamps hold a '/', ':', blank or letter and fail here at once. */
    private static boolean looksNumeric(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < '0' || c > '9') && c != '-' && c != '.') return false;
        }
        return true;
    }

    /**
     * Parses without exceptions on the common paths: a pattern that does not match is detected by
     * parseUnresolved (no exception), and the offset is read from the resolved fields instead of trying
     * OffsetDateTime first (parseBest would throw and catch once per local timestamp: 30x slower).
     */
    static Instant parseWith(DateTimeFormatter f, String s, ZoneId sourceZone) {
        ParsePosition pos = new ParsePosition(0);
        if (f.parseUnresolved(s, pos) == null || pos.getErrorIndex() >= 0 || pos.getIndex() != s.length()) return null;
        try {
            TemporalAccessor t = f.parse(s);
            LocalDateTime local = LocalDateTime.of(LocalDate.from(t), LocalTime.from(t));
            if (t.isSupported(ChronoField.OFFSET_SECONDS)) {
                return local.toInstant(ZoneOffset.ofTotalSeconds(t.get(ChronoField.OFFSET_SECONDS)));
            }
            ZoneId zone = t.query(TemporalQueries.zoneId());
            return local.atZone(zone != null ? zone : sourceZone).toInstant();
        } catch (DateTimeException e) {
            return null;   // e.g. 02/30: the text matched the pattern but is no date
        }
    }
}
