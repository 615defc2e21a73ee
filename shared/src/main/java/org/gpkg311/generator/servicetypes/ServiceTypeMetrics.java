package org.gpkg311.generator.servicetypes;

import org.gpkg311.generator.RunContext;
import org.gpkg311.generator.common.SharedFacts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.gpkg311.model.ServiceRequest;
import org.gpkg311.snapshot.Snapshot;
import org.gpkg311.spatial.LocatedPoints;
import org.gpkg311.spatial.SnapshotPoints;
import org.gpkg311.spatial.RecurringLocations;
import org.gpkg311.stats.Quantiles;
import org.gpkg311.stats.Ranks;
import org.gpkg311.stats.FeatureWords;
import org.gpkg311.stats.OverRepresentedTypes;
import org.gpkg311.stats.ProfileGroups;
import org.gpkg311.stats.Ties;
import org.gpkg311.stats.Values;

/**
 * Service mix, recurring locations and complexity per district (docs/methods.md#servicetypeinsights).
 * District arrays are indexed like {@code snapshot.districts()}, null = undefined; request arrays
 * like {@code snapshot.requests()}.
 *
 * @param typeMedianResponseHours citywide median response hours of each request's type (request array)
 * @param typeMedians             citywide median response hours per type that has one
 * @param minOverrepresentedCount the citywide median count per type: types below it have no quotient
 */
public record ServiceTypeMetrics(
        int[] distinctTypes, String[] topRequestType, Double[] topTypeShare, String[] secondRequestType,
        Double[] top3TypeShare, Double[] shannonDiversity, Double[] evenness, Double[] simpsonDiversity,
        Double[] herfindahlIndex, int[] recurringLocations, Double[] recurringShare, Double[] complexityIndex,
        Double[] complexServiceShare, String[] mostOverrepresentedType, Double[] overrepresentationQuotient,
        int[] overrepresentedTypeCount, Integer[] diversityQuartile, Integer[] recurrenceQuartile,
        Integer[] complexityQuartile, ProfileGroups mix,
        boolean[] isRecurring, Double[] typeMedianResponseHours, Map<String, Double> typeMedians,
        Double cityMedianResponseHours, Double minOverrepresentedCount, double recurringCellSideMeters,
        RecurringLocations recurring) {

    public static final int MAX_K = 6;
    /** One-sided significance level of the over-representation test. */
    public static final List<String> MIX_FEATURES = List.of("shannonDiversity", "herfindahlIndex", "recurringShare", "complexityIndex");
    /** Diverse/Narrow (diversity and the flipped Herfindahl as one word), Recurring/One-off, Complex/Routine. */
    static final FeatureWords MIX_WORDS = new FeatureWords(List.of(FeatureWords.Word.eitherFlipped(0, 1, "Narrow", "Diverse"),
            FeatureWords.Word.of(2, "One-off", "Recurring"), FeatureWords.Word.of(3, "Routine", "Complex")));

    /**
     * overrepresentedTypeCount: the family of every (district with a request, eligible type) pair, zero counts
     * included, eligible = at least the citywide median count per type; Benjamini–Hochberg at 0.05.
     */
    static int[] overRepresented(List<Map<String, Integer>> counts, Map<String, Integer> cityCounts, int total, Double minCount) {
        List<String> types = new ArrayList<>(new TreeMap<>(cityCounts).keySet());
        int[][] m = new int[counts.size()][types.size()];
        double[] share = new double[types.size()];
        boolean[] eligible = new boolean[types.size()];
        for (int t = 0; t < types.size(); t++) {
            share[t] = (double) cityCounts.get(types.get(t)) / total;
            eligible[t] = minCount != null && cityCounts.get(types.get(t)) >= minCount;
            for (int d = 0; d < counts.size(); d++) m[d][t] = counts.get(d).getOrDefault(types.get(t), 0);
        }
        return OverRepresentedTypes.count(m, share, eligible);
    }

    public static final double SIGNIFICANCE = org.gpkg311.stats.FalseDiscovery.ALPHA;
    /** Type name used for a request without a type (cleaning normally rejects those). */
    static final String NO_TYPE = "(no type)";

    /** The service-type facts of a run (predictiveHotspots reads them too). */
    public static final RunContext.Fact<ServiceTypeMetrics> FACT = new RunContext.Fact<>("serviceTypes", ServiceTypeMetrics::of);

    static ServiceTypeMetrics of(RunContext context) {
        Snapshot snapshot = context.snapshot();
        long seed = context.settings().seed();
        List<ServiceRequest> requests = snapshot.requests();
        int n = snapshot.districts().size();
        int[] districtOf = snapshot.requestDistrictIndexes();
        String[] type = new String[requests.size()];
        for (int r = 0; r < type.length; r++) type[r] = requests.get(r).requestType() == null ? NO_TYPE : requests.get(r).requestType();

        List<Map<String, Integer>> counts = new ArrayList<>();
        for (int i = 0; i < n; i++) counts.add(new TreeMap<>());
        Map<String, Integer> cityCounts = new TreeMap<>();
        Map<String, List<Double>> hoursByType = new HashMap<>();
        List<Double> allHours = new ArrayList<>();
        for (int r = 0; r < type.length; r++) {
            counts.get(districtOf[r]).merge(type[r], 1, Integer::sum);
            cityCounts.merge(type[r], 1, Integer::sum);
            Double h = requests.get(r).responseHours();
            if (h != null) {
                hoursByType.computeIfAbsent(type[r], t -> new ArrayList<>()).add(h);
                allHours.add(h);
            }
        }
        Double cityMedian = Quantiles.median(allHours.stream().mapToDouble(Double::doubleValue).toArray());
        Map<String, Double> typeMedians = new TreeMap<>();
        hoursByType.forEach((t, h) -> typeMedians.put(t, Quantiles.median(h.stream().mapToDouble(Double::doubleValue).toArray())));
        int total = type.length;
        Double minCount = Quantiles.median(cityCounts.values().stream().mapToDouble(Integer::doubleValue).toArray());

        int[] distinct = new int[n], overCount = new int[n];
        String[] top = new String[n], second = new String[n], mostOver = new String[n];
        Double[] topShare = new Double[n], top3 = new Double[n], shannon = new Double[n], even = new Double[n];
        Double[] simpson = new Double[n], herfindahl = new Double[n], complexity = new Double[n], complexShare = new Double[n];
        Double[] quotient = new Double[n];
        for (int i = 0; i < n; i++) {
            Map<String, Integer> c = counts.get(i);
            int size = c.values().stream().mapToInt(Integer::intValue).sum();
            distinct[i] = c.size();
            if (size == 0) continue;
            List<String> ranked = new ArrayList<>(c.keySet());
            // most requests first; ties alphabetical (the TreeMap order is alphabetical and the sort is stable)
            ranked.sort((a, b) -> Integer.compare(c.get(b), c.get(a)));
            top[i] = ranked.get(0);
            second[i] = ranked.size() > 1 ? ranked.get(1) : null;
            topShare[i] = (double) c.get(top[i]) / size;
            double t3 = 0, h = 0, sumSq = 0;
            for (int k = 0; k < Math.min(3, ranked.size()); k++) t3 += c.get(ranked.get(k));
            for (int v : c.values()) {
                double p = (double) v / size;
                h -= p * Math.log(p);
                sumSq += p * p;
            }
            top3[i] = t3 / size;
            shannon[i] = h;
            even[i] = c.size() > 1 ? h / Math.log(c.size()) : null;
            simpson[i] = 1 - sumSq;
            herfindahl[i] = sumSq;
            complexity[i] = complexity(c, typeMedians, cityMedian);
            int complex = 0;
            for (Map.Entry<String, Integer> e : c.entrySet()) {
                Double med = typeMedians.get(e.getKey());
                if (med != null && cityMedian != null && med > cityMedian) complex += e.getValue();
            }
            complexShare[i] = cityMedian == null ? null : (double) complex / size;
            for (Map.Entry<String, Integer> e : c.entrySet()) {
                double cityShare = (double) cityCounts.get(e.getKey()) / total;
                if (minCount == null || cityCounts.get(e.getKey()) < minCount) continue;
                double lq = ((double) e.getValue() / size) / cityShare;
                // highest quotient; ties alphabetical (entries come in alphabetical order)
                if (quotient[i] == null || Ties.greater(lq, quotient[i])) {
                    quotient[i] = lq;
                    mostOver[i] = e.getKey();
                }
            }
        }

        // Recurring (location, type) pairs; the snapping cell is the median nearest-neighbour distance.
        SnapshotPoints shared = context.get(SharedFacts.POINTS);
        LocatedPoints pts = shared.points();
        double[] nn = shared.nearestMeters();
        Double cellSide = Quantiles.median(Arrays.stream(nn).filter(d -> !Double.isNaN(d)).toArray());
        double side = cellSide == null ? 0 : cellSide;
        String[] address = new String[total];
        double[] x = new double[total], y = new double[total];
        Arrays.fill(x, Double.NaN);
        Arrays.fill(y, Double.NaN);
        for (int r = 0; r < total; r++) address[r] = requests.get(r).address();
        for (int p = 0; p < pts.size(); p++) {
            x[pts.requestIndex()[p]] = pts.x()[p];
            y[pts.requestIndex()[p]] = pts.y()[p];
        }
        RecurringLocations rec = RecurringLocations.of(address, type, x, y, side);
        int[] recurringLocations = new int[n];
        int[] recurringRequests = new int[n];
        List<Set<String>> locations = new ArrayList<>();
        for (int i = 0; i < n; i++) locations.add(new HashSet<>());
        Double[] typeMedianOfRequest = new Double[total];
        for (int r = 0; r < total; r++) {
            typeMedianOfRequest[r] = typeMedians.get(type[r]);
            if (!rec.recurring()[r]) continue;
            recurringRequests[districtOf[r]]++;
            locations.get(districtOf[r]).add(rec.location()[r]);
        }
        int[] requestCount = context.get(SharedFacts.REQUEST_COUNTS);
        Double[] recurringShare = new Double[n];
        for (int i = 0; i < n; i++) {
            recurringLocations[i] = locations.get(i).size();
            recurringShare[i] = Values.ratio(recurringRequests[i], requestCount[i]);
        }

        overCount = overRepresented(counts, cityCounts, total, minCount);
        Double[][] features = new Double[n][];
        for (int i = 0; i < n; i++) features[i] = new Double[] {shannon[i], herfindahl[i], recurringShare[i], complexity[i]};
        boolean[] everyDistrict = new boolean[n];
        Arrays.fill(everyDistrict, true);
        ProfileGroups mix = ProfileGroups.of(features, everyDistrict, new ProfileGroups.Setup(MIX_FEATURES, new boolean[4],
                c -> c[3], MAX_K, MIX_WORDS, seed));

        return new ServiceTypeMetrics(distinct, top, topShare, second, top3, shannon, even, simpson, herfindahl,
                recurringLocations, recurringShare, complexity, complexShare, mostOver, quotient, overCount,
                Ranks.quartile(shannon), Ranks.quartile(recurringShare), Ranks.quartile(complexity), mix,
                rec.recurring(), typeMedianOfRequest, typeMedians, cityMedian, minCount, side, rec);
    }

    /** Σ share'(t) × median(t) / city median over the types with a citywide median, shares renormalised over them. */
    static Double complexity(Map<String, Integer> counts, Map<String, Double> typeMedians, Double cityMedian) {
        if (cityMedian == null || cityMedian == 0) return null;
        double weighted = 0;
        int covered = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            Double med = typeMedians.get(e.getKey());
            if (med == null) continue;
            weighted += e.getValue() * med;
            covered += e.getValue();
        }
        return covered == 0 ? null : weighted / covered / cityMedian;
    }
}
