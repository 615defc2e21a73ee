package org.gpkg311.invariants;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.gpkg311.generator.GeneratorOutput;
import org.gpkg311.generator.Generators;
import org.gpkg311.table.Table;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The "Done when" invariants of issue 12 on every file of every one of the 20 seeded cities ({@link Cities}),
 * one test per invariant and generator, so that a failure names the file. Every expected value comes from the
 * rules of generators.md Revision 3 (the column each class or rank orders, the label vocabularies, the dayparts,
 * the horizons), never from the code under test.
 */
class InvariantsTest {

    static final List<String> QUARTILE_LABELS = List.of("Lowest quarter", "Lower-middle quarter", "Upper-middle quarter", "Highest quarter");
    static final List<String> PRIORITY_LABELS = List.of("Low", "Moderate", "Elevated", "High");
    /** Ordinal names of score classes, lowest first: every k uses a sub-list of these in this order. */
    static final List<String> ORDINALS = List.of("Very low", "Low", "Moderate", "High", "Very high", "Extreme");
    static final String NO_GROUPS = "No distinct groups";
    static final String TOO_FEW = "Too few requests";

    /** Score classes: generator, column, score, sign, noun (generators.md §3, §5, §9, §10). */
    record ScoreClass(String generator, String column, String score, int sign, String noun) {
        List<String> labels() {
            List<String> l = new ArrayList<>();
            l.add(NO_GROUPS);   // only when n < 4 or fewer than 3 distinct values; then every label is this one
            for (String o : ORDINALS) l.add(o + " " + noun);
            if (column.equals("capacityStatus")) l.add("Over capacity");
            return l;
        }

        Ordered ordered() {
            return new Ordered(generator, column, score, sign, Ordered.labels(labels()));
        }
    }

    static final List<ScoreClass> SCORE_CLASSES = List.of(
            new ScoreClass("temporalPatterns", "consistencyCategory", "dayOfWeekCV", 1, "weekday variation"),
            new ScoreClass("requestVolatility", "volatilityCategory", "stabilityIndex", -1, "volatility"),
            new ScoreClass("predictiveHotspots", "riskCategory", "riskScore", 1, "risk"),
            new ScoreClass("capacityPlanning", "capacityStatus", "utilization", 1, "utilization"));

    /** Ranks, percentile ranks and quantile classes with the score the spec derives them from. */
    static final List<Ordered> RANKED = List.of(
            new Ordered("serviceEfficiency", "efficiencyPercentile", "efficiencyScore", 1, Ordered.percentile()),
            new Ordered("serviceEfficiency", "efficiencyQuartile", "efficiencyScore", 1, Ordered.number()),
            new Ordered("serviceEfficiency", "efficiencyCategory", "efficiencyScore", 1,
                    Ordered.labels(List.of("Least efficient", "Below median", "Above median", "Most efficient"))),
            new Ordered("serviceEfficiency", "efficiencyRank", "efficiencyScore", 1, Ordered.rank()),
            new Ordered("geographicPatterns", "densityPercentile", "requestDensity", 1, Ordered.percentile()),
            new Ordered("geographicPatterns", "densityQuintile", "requestDensity", 1, Ordered.number()),
            new Ordered("geographicPatterns", "densityRank", "requestDensity", 1, Ordered.rank()),
            new Ordered("temporalPatterns", "ratioPercentile", "weekdayWeekendRatio", 1, Ordered.percentile()),
            new Ordered("temporalPatterns", "ratioRank", "weekdayWeekendRatio", 1, Ordered.rank()),
            new Ordered("temporalPatterns", "temporalCategory", "weekdayWeekendRatio", 1,
                    Ordered.labels(List.of("Weekend-leaning", "Balanced-low", "Balanced-high", "Weekday-dominant"))),
            new Ordered("temporalPatterns", "consistencyScore", "dayOfWeekCV", -1, v -> (int) Math.round(((Number) v).doubleValue() * 1e6)),
            new Ordered("temporalPatterns", "consistencyQuartile", "consistencyScore", 1, Ordered.number()),
            new Ordered("peakHourConsistency", "offHoursPercentile", "offHoursShare", 1, Ordered.percentile()),
            new Ordered("peakHourConsistency", "offHoursRank", "offHoursShare", 1, Ordered.rank()),
            new Ordered("requestVolatility", "volatilityPercentile", "dailyCV", 1, Ordered.percentile()),
            new Ordered("requestVolatility", "volatilityRank", "dailyCV", 1, Ordered.rank()),
            new Ordered("requestVolatility", "volatilityQuartile", "dailyCV", 1, Ordered.number()),
            new Ordered("serviceTypeInsights", "diversityCategory", "shannonDiversity", 1, Ordered.labels(QUARTILE_LABELS)),
            new Ordered("serviceTypeInsights", "recurrenceCategory", "recurringShare", 1, Ordered.labels(QUARTILE_LABELS)),
            new Ordered("serviceTypeInsights", "complexityCategory", "complexityIndex", 1, Ordered.labels(QUARTILE_LABELS)),
            new Ordered("trendDirection", "trendPercentile", "percentChangePerMonth", 1, Ordered.percentile()),
            new Ordered("trendDirection", "trendQuartile", "percentChangePerMonth", 1, Ordered.number()),
            new Ordered("trendDirection", "trendRank", "percentChangePerMonth", 1, Ordered.rank()),
            new Ordered("predictiveHotspots", "riskPercentile", "riskScore", 1, Ordered.percentile()),
            new Ordered("predictiveHotspots", "riskRank", "riskScore", 1, Ordered.rank()),
            new Ordered("predictiveHotspots", "priorityLabel", "riskScore", 1, Ordered.labels(PRIORITY_LABELS)),
            new Ordered("capacityPlanning", "capacityRiskCategory", "capacityRisk", 1, Ordered.labels(QUARTILE_LABELS)),
            new Ordered("optimizationOpportunities", "priorityRank", "opportunityScore", 1, Ordered.rank()),
            new Ordered("optimizationOpportunities", "priorityLabel", "opportunityScore", 1, Ordered.labels(PRIORITY_LABELS)));

    /** The profile-group columns (generators.md §2, §4, §6, §7). */
    static final Map<String, String> PROFILE_GROUPS = new LinkedHashMap<>();

    static {
        PROFILE_GROUPS.put("geographicPatterns", "spatialPatternCategory");
        PROFILE_GROUPS.put("peakHourConsistency", "peakPatternType");
        PROFILE_GROUPS.put("timeBasedClusters", "clusterLabel");
        PROFILE_GROUPS.put("serviceTypeInsights", "mixCategory");
    }

    /** Cities in which every district has requests enough for every score to be defined. */
    static boolean populated(City c) {
        return c.kind == City.Kind.SAMPLE || c.kind == City.Kind.STRUCTURELESS;
    }

    static Table districts(City c, String generator) {
        return layer(c, generator, generator + "Districts");
    }

    static Table layer(City c, String generator, String layer) {
        return c.output(generator).layer(layer);
    }

    /** One dynamic test per generator: the check over every city, failing with every violation found. */
    static Stream<DynamicTest> perGenerator(String invariant, Set<String> generators, BiFunction<City, String, List<String>> check) {
        return Generators.names().stream().filter(generators::contains).map(g -> DynamicTest.dynamicTest(invariant + " — " + g, () -> {
            List<String> violations = new ArrayList<>();
            for (City c : Cities.all()) {
                try {
                    violations.addAll(check.apply(c, g));
                } catch (AssertionError | RuntimeException e) {
                    violations.add(c.name + ": " + e);
                }
            }
            assertTrue(violations.isEmpty(), () -> g + " breaks \"" + invariant + "\" " + violations.size() + " time(s), e.g.:\n  "
                    + String.join("\n  ", violations.subList(0, Math.min(12, violations.size()))));
        }));
    }

    static Set<String> generatorsOf(List<Ordered> list) {
        Set<String> s = new HashSet<>();
        for (Ordered o : list) s.add(o.generator());
        return s;
    }

    @TestFactory
    Stream<DynamicTest> aHigherScoreNeverHasALowerScoreClassAndEqualScoresShareOne() {
        List<Ordered> list = SCORE_CLASSES.stream().map(ScoreClass::ordered).toList();
        return perGenerator("score classes follow their score", generatorsOf(list), (c, g) -> {
            List<String> v = new ArrayList<>();
            for (Ordered o : list) if (o.generator().equals(g)) v.addAll(o.check(c.name, districts(c, g), populated(c)));
            return v;
        });
    }

    @TestFactory
    Stream<DynamicTest> scoreClassesSayNoDistinctGroupsOnlyWithoutEnoughValues() {
        Set<String> gs = new HashSet<>();
        SCORE_CLASSES.forEach(s -> gs.add(s.generator()));
        return perGenerator("score classes say \"No distinct groups\" only when n < 4 or < 3 distinct values", gs, (c, g) -> {
            List<String> v = new ArrayList<>();
            for (ScoreClass s : SCORE_CLASSES) {
                if (!s.generator().equals(g)) continue;
                Table t = districts(c, g);
                if (!t.hasColumn(s.column()) || !t.hasColumn(s.score())) {
                    v.add(c.name + ": " + t.name() + " lacks " + s.column() + " or " + s.score());
                    continue;
                }
                Set<Object> keys = new HashSet<>();
                int n = 0;
                boolean none = false;
                for (int i = 0; i < t.rowCount(); i++) {
                    Object score = t.get(i, s.score());
                    if (score == null) continue;
                    double x = ((Number) score).doubleValue();
                    if (s.column().equals("capacityStatus") && x >= 1) {
                        if (!"Over capacity".equals(t.get(i, s.column())))
                            v.add(c.name + ": utilization " + x + " >= 1 but capacityStatus " + t.get(i, s.column()));
                        continue;
                    }
                    if (s.column().equals("capacityStatus") && "Over capacity".equals(t.get(i, s.column())))
                        v.add(c.name + ": utilization " + x + " < 1 but capacityStatus Over capacity");
                    n++;
                    keys.add(Ordered.key(x));
                    none |= NO_GROUPS.equals(t.get(i, s.column()));
                }
                if (none && n >= 4 && keys.size() >= 3)
                    v.add(c.name + ": " + s.column() + " says \"No distinct groups\" with n = " + n + " and " + keys.size() + " distinct values");
            }
            return v;
        });
    }

    @TestFactory
    Stream<DynamicTest> valuesEqualTo12DigitsGetEqualRanksAndClassesAndHigherValuesNeverLowerOnes() {
        return perGenerator("ranks, percentiles and quantile classes follow their value, ties at 12 digits", generatorsOf(RANKED), (c, g) -> {
            List<String> v = new ArrayList<>();
            for (Ordered o : RANKED) if (o.generator().equals(g)) v.addAll(o.check(c.name, districts(c, g), populated(c)));
            if (c == Cities.all().get(Cities.all().size() - 1))
                System.out.println("invariant cities: pairs equal at 12 digits with different doubles so far: " + Ordered.NEAR_TIES.get());
            return v;
        });
    }

    @TestFactory
    Stream<DynamicTest> profileGroupNamesAreDistinctWithinAColumn() {
        return perGenerator("profile-group names are distinct within a column", PROFILE_GROUPS.keySet(), (c, g) -> {
            List<String> v = new ArrayList<>();
            String column = PROFILE_GROUPS.get(g);
            GeneratorOutput out = c.output(g);
            Table t = districts(c, g);
            if (!t.hasColumn(column)) return List.of(c.name + ": " + t.name() + " lacks " + column);
            Set<String> names = new HashSet<>();
            for (int i = 0; i < t.rowCount(); i++) {
                Object l = t.get(i, column);
                if (l != null && !NO_GROUPS.equals(l) && !TOO_FEW.equals(l)) names.add((String) l);
            }
            String decision = out.provenance().value(column + ".decision");
            if (decision == null) return List.of(c.name + ": no provenance entry " + column + ".decision (the deciding test and k)");
            Matcher m = Pattern.compile("^k = (\\d+) ").matcher(decision);
            int k = m.find() ? Integer.parseInt(m.group(1)) : 0;
            if (k != names.size())
                v.add(c.name + ": " + k + " groups formed but " + names.size() + " distinct names " + names + " in " + column);
            if (g.equals("timeBasedClusters")) {
                Map<Object, Object> idToLabel = new HashMap<>(), labelToId = new HashMap<>();
                for (int i = 0; i < t.rowCount(); i++) {
                    Object id = t.get(i, "clusterId"), l = t.get(i, column);
                    if (id == null) continue;
                    Object prior = idToLabel.putIfAbsent(id, l), priorId = labelToId.putIfAbsent(l, id);
                    if (prior != null && !prior.equals(l)) v.add(c.name + ": cluster " + id + " has two labels " + prior + ", " + l);
                    if (priorId != null && !priorId.equals(id)) v.add(c.name + ": label " + l + " names clusters " + priorId + " and " + id);
                }
            }
            return v;
        });
    }

    /** The spec's dayparts by local hour: [00, 06) night ... [22, 24) late evening, as peakPatternType names them. */
    static String peakName(int hour) {
        if (hour < 6) return "night peak";
        if (hour < 12) return "morning peak";
        if (hour < 17) return "afternoon peak";
        if (hour < 22) return "evening peak";
        return "late-evening peak";
    }

    static final Pattern PEAK_LABEL = Pattern.compile("^(?:(?:Sharp|Broad) )?(.+? peak)(?: at (\\d\\d))?(?: \\(group \\d+\\))?$");

    @TestFactory
    Stream<DynamicTest> everyPeakPatternTypeNamesTheDaypartHoldingItsGroupsAveragePeakHour() {
        return perGenerator("peakPatternType names the daypart of its group's average peak hour", Set.of("peakHourConsistency"), (c, g) -> {
            List<String> v = new ArrayList<>();
            Table t = districts(c, g);
            Map<String, double[]> sums = new LinkedHashMap<>();
            Map<String, Integer> sizes = new HashMap<>();
            for (int i = 0; i < t.rowCount(); i++) {
                Object l = t.get(i, "peakPatternType");
                if (l == null || NO_GROUPS.equals(l) || TOO_FEW.equals(l)) continue;
                double[] s = sums.computeIfAbsent((String) l, x -> new double[24]);
                for (int h = 0; h < 24; h++) s[h] += ((Number) t.get(i, String.format("hour%02dShare", h))).doubleValue();
                sizes.merge((String) l, 1, Integer::sum);
            }
            sums.forEach((label, s) -> {
                int peak = 0;
                for (int h = 1; h < 24; h++) {
                    if (Ordered.key(s[h] / sizes.get(label)).compareTo(Ordered.key(s[peak] / sizes.get(label))) > 0) peak = h;
                }
                Matcher m = PEAK_LABEL.matcher(label);
                if (!m.matches()) {
                    v.add(c.name + ": \"" + label + "\" is not a peakPatternType name of Revision 3");
                } else if (!m.group(1).equalsIgnoreCase(peakName(peak))) {
                    v.add(c.name + ": \"" + label + "\" but its " + sizes.get(label) + " districts' average peak hour is "
                            + String.format("%02d", peak) + " (" + peakName(peak) + ")");
                } else if (m.group(2) != null && Integer.parseInt(m.group(2)) != peak) {
                    v.add(c.name + ": \"" + label + "\" but its districts' average peak hour is " + String.format("%02d", peak));
                }
            });
            return v;
        });
    }

    /** Full Monday–Sunday weeks inside the window, counted from its dates. */
    static int fullWeeks(LocalDate start, LocalDate end) {
        int weeks = 0;
        for (LocalDate d = start; !d.plusDays(6).isAfter(end); d = d.plusDays(1)) if (d.getDayOfWeek() == DayOfWeek.MONDAY) weeks++;
        return weeks;
    }

    @TestFactory
    Stream<DynamicTest> noForecastExceedsItsHorizon() {
        return perGenerator("no forecast exceeds its horizon", Set.of("capacityPlanning", "predictiveHotspots"), (c, g) -> {
            List<String> v = new ArrayList<>();
            Table t = districts(c, g);
            LocalDate start = c.snapshot.window().startDate(), end = c.snapshot.window().endDate();
            boolean capacity = g.equals("capacityPlanning");
            String column = capacity ? "daysToCapacity" : "weeksToHotspot";
            String outlook = capacity ? "capacityOutlook" : "hotspotOutlook";
            String within = capacity ? "Reaches capacity within the horizon" : "Within the horizon";
            // H = the window's days for daysToCapacity, its full weeks for weeksToHotspot ("Exact rules")
            double horizon = capacity ? ChronoUnit.DAYS.between(start, end) + 1 : fullWeeks(start, end);
            if (!t.hasColumn(column) || !t.hasColumn(outlook)) return List.of(c.name + ": " + t.name() + " lacks " + (t.hasColumn(column) ? outlook : column));
            for (int i = 0; i < t.rowCount(); i++) {
                Object f = t.get(i, column);
                if (f != null && (((Number) f).doubleValue() > horizon || ((Number) f).doubleValue() < 0))
                    v.add(c.name + ": " + column + " " + f + " outside [0, " + horizon + "] (district " + t.get(i, "districtId") + ")");
                boolean says = within.equals(t.get(i, outlook));
                if ((f != null) != says)
                    v.add(c.name + ": " + column + " " + f + " beside " + outlook + " \"" + t.get(i, outlook) + "\" (district " + t.get(i, "districtId") + ")");
            }
            return v;
        });
    }
}
