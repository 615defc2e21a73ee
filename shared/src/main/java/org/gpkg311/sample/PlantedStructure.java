package org.gpkg311.sample;

import java.util.Map;
import java.util.Set;

/**
 * What the sample city plants on purpose, by council district, so that every category, hot spot and forecast
 * has something true to find (issue 12): three daily rhythms, hot blocks along a corridor, rising and falling
 * demand, and a backlog in a few districts. The assignment is fixed by district id; the seed only changes the
 * noise around it.
 */
public final class PlantedStructure {

    /** A district's daily rhythm. */
    public enum Rhythm { EVENING, MORNING, AFTERNOON }

    /** Downtown and the nightlife districts: evening peak, busy weekends. */
    public static final Set<Integer> EVENING = Set.of(19, 5, 6, 17, 21);
    /** Suburban districts: weekday morning peak, quiet weekends. */
    public static final Set<Integer> MORNING = Set.of(1, 3, 10, 11, 12, 14, 22, 23, 29, 31, 32, 34, 35);
    /** Demand growth over the four months (relative change of the district's share from first to last day). */
    public static final Map<Integer, Double> TREND = Map.of(4, 1.0, 9, 1.0, 15, 1.0, 26, 1.0, 28, 1.0, 8, -0.8, 24, -0.8);
    /** Districts that leave many requests open and close slowly. */
    public static final Set<Integer> BACKLOG = Set.of(2, 30, 33);
    /** Districts with hot blocks: some of their points fall in three small blocks along a corridor. */
    public static final Set<Integer> HOT_BLOCKS = Set.of(19, 2, 7, 13, 20, 25, 27, 30);
    public static final int BLOCKS_PER_DISTRICT = 3;
    /**
     * Share of the whole city's located requests that each block holds. Planted by intensity, not as a share of
     * its district, so that a block in a quiet suburban district stands out against the county's density as
     * much as one downtown; a share of the district would leave the quiet districts' blocks below significance.
     */
    static final double BLOCK_SHARE_OF_CITY = 0.005;
    /**
     * Spread (standard deviation, metres) of the points around a block's centre: a few hundred metres, a
     * neighbourhood's worth, so that the data-driven grid (sized from nearest-neighbour distances) keeps a
     * block inside one or two cells instead of choosing cells fine enough to split a tight knot.
     */
    static final double BLOCK_SD_METRES = 300;
    /** Every district: this share of its points lies along its corridor (within about 60 m). */
    static final double CORRIDOR_SHARE = 0.10;
    /** In the suburban (weekday-morning) districts, cart service and missed pickups are this much more common. */
    static final String SUBURBAN_TYPE = "Trash, Recycling & Litter";
    static final double SUBURBAN_TYPE_FACTOR = 3.0;
    static final double OPEN_SHARE_BACKLOG = 0.18;
    static final double RESPONSE_FACTOR_BACKLOG = 2.5;

    /** One sentence for the provenance of a run on the sample city. */
    public static final String DESCRIPTION = "synthetic sample data, not real requests. Planted structure: "
            + "evening-peak districts with busy weekends " + sorted(EVENING) + "; weekday-morning suburban districts "
            + sorted(MORNING) + ", where " + SUBURBAN_TYPE + " requests are " + Math.round(SUBURBAN_TYPE_FACTOR)
            + " times as common; afternoon-peak districts elsewhere; " + BLOCKS_PER_DISTRICT + " hot blocks along a "
            + "corridor, each holding " + BLOCK_SHARE_OF_CITY * 100 + "% of the city's located requests, in districts "
            + sorted(HOT_BLOCKS) + "; rising demand in " + sorted(keys(1)) + ", falling in " + sorted(keys(-1))
            + ", flat elsewhere; a backlog (about " + Math.round(OPEN_SHARE_BACKLOG * 100) + "% left open, slower "
            + "closures) in " + sorted(BACKLOG);

    private static final double[] EVENING_HOURS = {0.9, 0.6, 0.4, 0.2, 0.15, 0.2, 0.3, 0.5, 0.8, 1.0, 1.1, 1.2,
            1.3, 1.3, 1.4, 1.6, 1.9, 2.6, 3.3, 3.6, 3.5, 3.0, 2.2, 1.5};
    private static final double[] MORNING_HOURS = {0.15, 0.1, 0.08, 0.08, 0.2, 0.6, 1.8, 3.4, 3.9, 3.6, 2.8, 2.0,
            1.6, 1.4, 1.3, 1.2, 1.1, 1.0, 0.8, 0.6, 0.45, 0.35, 0.25, 0.2};
    private static final double[] AFTERNOON_HOURS = {0.25, 0.15, 0.1, 0.1, 0.15, 0.3, 0.6, 1.0, 1.4, 1.7, 1.9, 2.2,
            2.8, 3.3, 3.5, 3.3, 2.7, 1.8, 1.3, 1.0, 0.8, 0.6, 0.45, 0.3};

    private PlantedStructure() {}

    public static Rhythm rhythm(int districtId) {
        return EVENING.contains(districtId) ? Rhythm.EVENING
                : MORNING.contains(districtId) ? Rhythm.MORNING : Rhythm.AFTERNOON;
    }

    /** Relative hourly intensity, local time; weekends flatten the morning rush. */
    static double[] hours(Rhythm r, boolean weekend) {
        double[] h = switch (r) {
            case EVENING -> EVENING_HOURS.clone();
            case MORNING -> MORNING_HOURS.clone();
            case AFTERNOON -> AFTERNOON_HOURS.clone();
        };
        if (weekend) for (int i = 6; i < 11; i++) h[i] *= 0.6;
        return h;
    }

    /** Weekend day volume relative to a weekday of the same district. */
    static double weekendFactor(Rhythm r) {
        return switch (r) {
            case EVENING -> 1.6;
            case MORNING -> 0.55;
            case AFTERNOON -> 0.9;
        };
    }

    static double trend(int districtId) {
        return TREND.getOrDefault(districtId, 0.0);
    }

    private static Set<Integer> keys(int sign) {
        java.util.Set<Integer> out = new java.util.TreeSet<>();
        TREND.forEach((id, t) -> {
            if (Math.signum(t) == sign) out.add(id);
        });
        return out;
    }

    private static String sorted(Set<Integer> ids) {
        return new java.util.TreeSet<>(ids).toString();
    }
}
