package org.gpkg311.profile;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Column-name normalisation shared by every reader: lower case, trimmed, runs of blanks, slashes, '#'
 * and underscores collapsed to one '_', no leading or trailing '_'. So the Hub CSV's "Date /Time Opened",
 * the Socrata CSV's "Date / Time Opened" and ArcGIS's "Date_Time_Opened" all become "date_time_opened",
 * and "Request #" / "Request__" become "request".
 */
public final class HeaderNames {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s/#_]+");
    private static final char BOM = '\uFEFF';

    private HeaderNames() {}

    public static String normalise(String header) {
        if (header == null) return "";
        String h = header.replace(String.valueOf(BOM), "").strip().toLowerCase(Locale.ROOT);
        h = SEPARATORS.matcher(h).replaceAll("_");
        int from = 0, to = h.length();
        while (from < to && h.charAt(from) == '_') from++;
        while (to > from && h.charAt(to - 1) == '_') to--;
        return h.substring(from, to);
    }
}
