package org.gpkg311.clean;

/** Counted facts about accepted rows that are not rejections (spec "Join"). */
public enum QualityNote {
    KEPT_BY_DISTRICT_FIELD("point outside districts, kept by district field"),
    NO_COORDINATES("no coordinates, kept by district field (district statistics only, not in the point layer)"),
    POINT_FIELD_DISAGREE("point and district field disagree (the point decides)"),
    INVALID_DISTRICT_FIELD_IGNORED("invalid district field ignored (the point decides)");

    private final String label;

    QualityNote(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    int bit() {
        return 1 << ordinal();
    }
}
