package org.gpkg311.generator.common;

import java.util.List;

import org.gpkg311.stats.Ranks;

/** The spec's wordings of quartile classes 1..4 (4 = highest values) that several generators share. */
public final class QuartileLabels {

    private static final String[] QUARTERS = {"Lowest quarter", "Lower-middle quarter", "Upper-middle quarter", "Highest quarter"};
    private static final String[] PRIORITY = {"Low", "Moderate", "Elevated", "High"};

    /** The quarter labels, lowest first (the class rule of every quarter-labelled column). */
    public static final List<String> QUARTER_LABELS = List.of(QUARTERS);
    /** The priority labels, lowest first. */
    public static final List<String> PRIORITY_LABELS = List.of(PRIORITY);

    private QuartileLabels() {}

    /** "Lowest quarter" .. "Highest quarter"; null for an undefined class. */
    public static String quarter(Integer quartile) {
        return Ranks.label(quartile, QUARTERS);
    }

    /** Priority "Low", "Moderate", "Elevated", "High"; null for an undefined class. */
    public static String priority(Integer quartile) {
        return Ranks.label(quartile, PRIORITY);
    }
}
