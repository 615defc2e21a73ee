package org.gpkg311.series;

/**
 * The spec's dayparts, half-open intervals of local hours: night [00, 06), morning [06, 12),
 * afternoon [12, 17), evening [17, 22), late evening [22, 24).
 */
public enum Daypart {
    NIGHT(0, 6, "Night", "nights", "Night peak"),
    MORNING(6, 12, "Morning", "mornings", "Morning peak"),
    AFTERNOON(12, 17, "Afternoon", "afternoons", "Afternoon peak"),
    EVENING(17, 22, "Evening", "evenings", "Evening peak"),
    // the spec spells this pattern name with a hyphen ("Late-evening peak"), unlike the daypart itself
    LATE_EVENING(22, 24, "Late evening", "late evenings", "Late-evening peak");

    private static final Daypart[] BY_HOUR = new Daypart[24];

    static {
        for (Daypart p : values()) for (int h = p.fromHour; h < p.toHour; h++) BY_HOUR[h] = p;
    }

    private final int fromHour;
    private final int toHour;
    private final String label;
    private final String plural;
    private final String peakName;

    Daypart(int fromHour, int toHour, String label, String plural, String peakName) {
        this.fromHour = fromHour;
        this.toHour = toHour;
        this.label = label;
        this.plural = plural;
        this.peakName = peakName;
    }

    public static Daypart of(int hour) {
        return BY_HOUR[hour];
    }

    /** First local hour (inclusive). */
    public int fromHour() { return fromHour; }

    /** End local hour (exclusive). */
    public int toHour() { return toHour; }

    public int hours() { return toHour - fromHour; }

    /** "Night", "Morning", …, "Late evening". */
    public String label() { return label; }

    /** "nights", "mornings", … as in "Weekday mornings". */
    public String plural() { return plural; }

    /** The spec's peakPatternType name: "Night peak", "Morning peak", …, "Late-evening peak". */
    public String peakName() { return peakName; }

    /** Sum of the given 24 hourly values over this daypart's hours. */
    public double sum(double[] hourly) {
        double s = 0;
        for (int h = fromHour; h < toHour; h++) s += hourly[h];
        return s;
    }

    /**
     * The busiest daypart of a 24-hour profile: the highest mean value per hour (dayparts differ in
     * length, so a plain sum would favour the six-hour ones); ties go to the earlier daypart.
     */
    public static Daypart busiest(double[] hourly) {
        Daypart best = null;
        double bestRate = Double.NEGATIVE_INFINITY;
        for (Daypart p : values()) {
            double rate = p.sum(hourly) / p.hours();
            if (rate > bestRate) { best = p; bestRate = rate; }
        }
        return best;
    }

    /** Provenance text: "Night [00, 06), Morning [06, 12), …". */
    public static String describeAll() {
        StringBuilder sb = new StringBuilder();
        for (Daypart p : values()) {
            if (!sb.isEmpty()) sb.append(", ");
            sb.append(p.label).append(String.format(" [%02d, %02d)", p.fromHour, p.toHour));
        }
        return sb.toString();
    }
}
