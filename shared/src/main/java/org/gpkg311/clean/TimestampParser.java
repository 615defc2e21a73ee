package org.gpkg311.clean;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
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
    private final List<DateTimeFormatter> formats = new ArrayList<>();
    private int lastHit;

    public TimestampParser(CityProfile profile) {
        this(profile.timestampPatterns(), profile.sourceZone());
    }

    public TimestampParser(List<String> patterns, ZoneId sourceZone) {
        this.sourceZone = sourceZone;
        for (String p : patterns) formats.add(compile(p));
    }

    private static DateTimeFormatter compile(String pattern) {
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
        if (EPOCH_MILLIS.matcher(s).matches()) {
            int dot = s.indexOf('.');
            return Instant.ofEpochMilli(Long.parseLong(dot < 0 ? s : s.substring(0, dot)));
        }
        int n = formats.size();
        for (int k = 0; k < n; k++) {
            int i = (lastHit + k) % n;
            Instant t = tryParse(formats.get(i), s);
            if (t != null) {
                lastHit = i;
                return t;
            }
        }
        return null;
    }

    private Instant tryParse(DateTimeFormatter f, String s) {
        try {
            TemporalAccessor t = f.parseBest(s, OffsetDateTime::from, LocalDateTime::from);
            if (t instanceof OffsetDateTime o) return o.toInstant();
            return ((LocalDateTime) t).atZone(sourceZone).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
