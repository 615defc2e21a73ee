package org.gpkg311.clean;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Hand-written parsers for the two timestamp shapes that make up nearly every row of a 311 export, each
 * equivalent to one profile pattern (a test compares them with {@link java.time.format.DateTimeFormatter}
 * on valid and invalid inputs). java.time's general parser costs a few microseconds per value, which is
 * a large share of preparing a million-row snapshot; these cost a few hundred nanoseconds.
 */
final class FastTimestamps {

    /** The pattern strings that have a fast equivalent. */
    static final String US_CLOCK = "M/d/yyyy h:mm[:ss] a";
    static final String ISO = "ISO";
    static final String ISO_SPACE = "yyyy-MM-dd HH:mm[:ss]";

    private FastTimestamps() {}

    /** A parser for the pattern, or null when it has no fast equivalent. */
    static TimestampParser.TextFormat forPattern(String pattern, ZoneId sourceZone) {
        return switch (pattern) {
            case US_CLOCK -> s -> usClock(s, sourceZone);
            case ISO -> s -> iso(s, sourceZone, true);
            case ISO_SPACE -> s -> iso(s, sourceZone, false);
            default -> null;
        };
    }

    /** {@code M/d/yyyy h:mm[:ss] a}: 1–2 digit month, day and hour, 12-hour clock, AM/PM in any case. */
    static Instant usClock(String s, ZoneId zone) {
        Cursor c = new Cursor(s);
        int month = c.digits(1, 2);
        if (month < 0 || !c.expect('/')) return null;
        int day = c.digits(1, 2);
        if (day < 0 || !c.expect('/')) return null;
        int year = c.digits(4, 4);
        if (year < 0 || !c.expect(' ')) return null;
        int hour = c.digits(1, 2);
        if (hour < 0 || !c.expect(':')) return null;
        int minute = c.digits(2, 2);
        if (minute < 0) return null;
        int second = 0;
        if (c.peek() == ':') {
            c.pos++;
            second = c.digits(2, 2);
            if (second < 0) return null;
        }
        if (!c.expect(' ') || c.pos + 2 != s.length()) return null;
        char a = Character.toUpperCase(s.charAt(c.pos)), m = Character.toUpperCase(s.charAt(c.pos + 1));
        if (m != 'M' || (a != 'A' && a != 'P')) return null;
        if (hour < 1 || hour > 12) return null;
        int hour24 = hour % 12 + (a == 'P' ? 12 : 0);
        return at(year, month, day, hour24, minute, second, 0, zone, null);
    }

    /**
     * ISO-8601 local date-time: {@code yyyy-MM-dd}, then 'T' or ' ' (only ' ' when {@code full} is false),
     * {@code HH:mm[:ss[.f…]]}; with {@code full}, an optional fraction of 0–9 digits and an optional
     * {@code Z} or {@code ±HH:MM} offset.
     */
    static Instant iso(String s, ZoneId zone, boolean full) {
        Cursor c = new Cursor(s);
        int year = c.digits(4, 4);
        if (year < 0 || !c.expect('-')) return null;
        int month = c.digits(2, 2);
        if (month < 0 || !c.expect('-')) return null;
        int day = c.digits(2, 2);
        if (day < 0) return null;
        char sep = c.peek();
        if (!(sep == ' ' || (full && sep == 'T'))) return null;
        c.pos++;
        int hour = c.digits(2, 2);
        if (hour < 0 || !c.expect(':')) return null;
        int minute = c.digits(2, 2);
        if (minute < 0) return null;
        int second = 0, nano = 0;
        if (c.peek() == ':') {
            c.pos++;
            second = c.digits(2, 2);
            if (second < 0) return null;
            if (full && c.peek() == '.') {
                c.pos++;
                int start = c.pos;
                int frac = c.digits(0, 9);   // java.time accepts "03." (no fraction digits) too
                if (frac < 0) return null;
                int digits = c.pos - start;
                for (int k = digits; k < 9; k++) frac *= 10;
                nano = frac;
            }
        }
        ZoneOffset offset = null;
        if (full && c.pos < s.length()) {
            char z = s.charAt(c.pos);
            if (z == 'Z' && c.pos + 1 == s.length()) {
                offset = ZoneOffset.UTC;
                c.pos++;
            } else if (z == '+' || z == '-') {
                c.pos++;
                int oh = c.digits(2, 2);
                if (oh < 0 || !c.expect(':')) return null;
                int om = c.digits(2, 2);
                if (om < 0 || oh > 18 || om > 59) return null;
                int total = (oh * 3600 + om * 60) * (z == '-' ? -1 : 1);
                if (Math.abs(total) > 18 * 3600) return null;
                offset = ZoneOffset.ofTotalSeconds(total);
            } else {
                return null;
            }
        }
        if (c.pos != s.length()) return null;
        if (hour > 23) return null;
        return at(year, month, day, hour, minute, second, nano, zone, offset);
    }

    private static Instant at(int year, int month, int day, int hour, int minute, int second, int nano,
                              ZoneId zone, ZoneOffset offset) {
        if (month < 1 || month > 12 || day < 1 || minute > 59 || second > 59) return null;
        if (day > LocalDate.of(year, month, 1).lengthOfMonth()) return null;
        LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second, nano);
        if (offset != null) return local.toInstant(offset);
        if (zone instanceof ZoneOffset fixed) return local.toInstant(fixed);
        if (zone.getRules().isFixedOffset()) return local.toInstant(zone.getRules().getOffset(Instant.EPOCH));
        return local.atZone(zone).toInstant();
    }

    private static final class Cursor {
        final String s;
        int pos;

        Cursor(String s) {
            this.s = s;
        }

        char peek() {
            return pos < s.length() ? s.charAt(pos) : '\0';
        }

        boolean expect(char ch) {
            if (pos < s.length() && s.charAt(pos) == ch) {
                pos++;
                return true;
            }
            return false;
        }

        /** Reads min..max ASCII digits (greedy up to max) as a number, or -1. */
        int digits(int min, int max) {
            int start = pos, v = 0;
            while (pos < s.length() && pos - start < max) {
                char ch = s.charAt(pos);
                if (ch < '0' || ch > '9') break;
                v = v * 10 + (ch - '0');
                pos++;
            }
            return pos - start >= min ? v : -1;
        }
    }
}
