package org.gpkg311.table;

import java.util.List;

/**
 * The order of the values a TEXT column can hold, when they are ordinal ("Low" … "High", "Decreasing" …
 * "Increasing"), so that a map lists and colours them in that order instead of alphabetically.
 *
 * @param lowToHigh the values, lowest first; a column may hold any subset of them
 * @param diverging true when the middle value is neutral and the two ends are opposites (drawn blue → red),
 *                  false for a one-way scale (drawn dark → light)
 */
public record Levels(List<String> lowToHigh, boolean diverging) {

    public Levels {
        lowToHigh = List.copyOf(lowToHigh);
        if (lowToHigh.size() < 2) throw new IllegalArgumentException("levels need at least two values: " + lowToHigh);
        if (lowToHigh.stream().distinct().count() != lowToHigh.size()) throw new IllegalArgumentException("repeated level: " + lowToHigh);
        if (diverging && lowToHigh.size() % 2 == 0) throw new IllegalArgumentException("a diverging scale needs a neutral middle: " + lowToHigh);
    }

    public static Levels sequential(List<String> lowToHigh) {
        return new Levels(lowToHigh, false);
    }

    /** Opposites around a neutral middle value, e.g. Decreasing / Stable / Increasing. */
    public static Levels diverging(String low, String neutral, String high) {
        return new Levels(List.of(low, neutral, high), true);
    }

    /** The position of {@code value}, −1 when it is not one of the levels. */
    public int indexOf(String value) {
        return lowToHigh.indexOf(value);
    }
}
