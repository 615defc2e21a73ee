package org.gpkg311.generator.volatility;

import org.gpkg311.generator.RunContext;
import org.gpkg311.generator.common.SharedFacts;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gpkg311.series.DistrictSeries;
import org.gpkg311.series.SnapshotSeries;
import org.gpkg311.stats.Descriptive;
import org.gpkg311.stats.Quantiles;
import org.gpkg311.stats.Ranks;
import org.gpkg311.stats.Values;
import org.gpkg311.stats.VarianceWeightedComposite;

/**
 * How stable each district's daily, weekly and monthly volumes are (spec section 5). Arrays are
 * indexed like {@code snapshot.districts()}; null = undefined.
 *
 * @param dailyCV            CV (sample SD / mean) of the zero-filled daily counts
 * @param weeklyCV           CV of the full-week counts
 * @param monthlyCV          CV of the three window months' per-day rates
 * @param typeMixHerfindahl  Σ (request-type share)² over the window
 * @param typeMixVolatility  mean total-variation distance between consecutive full weeks' type shares
 * @param volatilityPercentile unrounded mid-rank percentile of dailyCV
 * @param spikeThreshold     median + 3 × scaled MAD of the daily counts (sample SD when the scaled MAD is 0)
 * @param spikeThresholdUsesSd true where the scaled MAD was 0 and the sample SD took its place
 * @param spikeDay           [district][window day] count &gt; spikeThreshold
 * @param compositeWeights   weights of [dailyCV, weeklyCV, monthlyCV] in the stability composite
 * @param compositeDropped   components dropped as constant across districts
 * @param stabilityIndex     100 − the variance-weighted composite of [dailyCV, weeklyCV, monthlyCV]
 * @param category           score classes of 100 − stabilityIndex (noun "volatility")
 */
public record VolatilityMetrics(Double[] dailyMean, Double[] dailyStdDev, Double[] dailyCV, Double[] weeklyCV,
                                Double[] monthlyCV, Double[] dailyMedian, Integer[] minDailyCount,
                                Integer[] maxDailyCount, Double[] peakToTroughRatio, Double[] typeMixHerfindahl,
                                Double[] typeMixVolatility, Double[] volatilityPercentile, Integer[] volatilityRank,
                                Integer[] volatilityQuartile, double[] volatilityQuartileCuts, Double[] spikeThreshold,
                                boolean[] spikeThresholdUsesSd, int[] spikeDays, boolean[][] spikeDay,
                                double[] compositeWeights, boolean[] compositeDropped, Double[] stabilityIndex,
                                org.gpkg311.stats.ScoreClasses category) {

    /** The noun of volatilityCategory's labels ("Low volatility" is the steadiest). */
    public static final String CATEGORY_NOUN = "volatility";

    /** Convention: a spike day has count &gt; median + SPIKE_MADS × scaled MAD of the daily counts. */
    public static final double SPIKE_MADS = 3.0;
    public static final List<String> COMPOSITE_COMPONENTS = List.of("dailyCV", "weeklyCV", "monthlyCV");

    /** The volatility facts of a run (timeBasedClusters, predictiveHotspots and optimizationOpportunities read them too). */
    public static final RunContext.Fact<VolatilityMetrics> FACT = new RunContext.Fact<>("volatility",
            c -> compute(c.get(SharedFacts.SERIES), c.settings().seed()));

    public static VolatilityMetrics compute(SnapshotSeries series, long seed) {
        int n = series.districts().size();
        Double[] mean = new Double[n], sd = new Double[n], dailyCV = new Double[n], weeklyCV = new Double[n];
        Double[] monthlyCV = new Double[n], median = new Double[n], peakToTrough = new Double[n];
        Integer[] min = new Integer[n], max = new Integer[n];
        Double[] herfindahl = new Double[n], mixVolatility = new Double[n], threshold = new Double[n];
        boolean[] usesSd = new boolean[n];
        int[] spikeDays = new int[n];
        boolean[][] spikeDay = new boolean[n][];
        for (int i = 0; i < n; i++) {
            DistrictSeries s = series.district(i);
            double[] daily = s.dailyIntakeValues();
            mean[i] = Descriptive.mean(daily);
            sd[i] = Descriptive.sampleSd(daily);
            dailyCV[i] = Descriptive.cv(daily);
            weeklyCV[i] = Descriptive.cv(s.weeklyValues());
            monthlyCV[i] = Descriptive.cv(s.monthRates());
            median[i] = Quantiles.median(daily);
            Double lo = Descriptive.min(daily), hi = Descriptive.max(daily);
            min[i] = lo == null ? null : lo.intValue();
            max[i] = hi == null ? null : hi.intValue();
            peakToTrough[i] = lo == null ? null : Values.ratio(hi, lo);
            herfindahl[i] = herfindahl(s.typeCounts(), s.requestCount());
            mixVolatility[i] = typeMixVolatility(s.weeklyTypeCounts());
            Double mad = Descriptive.scaledMad(daily);
            if (median[i] != null && mad != null) {
                usesSd[i] = mad == 0.0;
                Double scale = usesSd[i] ? sd[i] : mad;
                if (scale != null) threshold[i] = median[i] + SPIKE_MADS * scale;
            }
            spikeDay[i] = new boolean[daily.length];
            for (int d = 0; d < daily.length; d++) {
                spikeDay[i][d] = threshold[i] != null && daily[d] > threshold[i];
                if (spikeDay[i][d]) spikeDays[i]++;
            }
        }
        var composite = VarianceWeightedComposite.of(COMPOSITE_COMPONENTS, List.of(dailyCV, weeklyCV, monthlyCV));
        Double[] stability = new Double[n];
        for (int i = 0; i < n; i++) {
            Double score = composite.score()[i];
            stability[i] = score == null ? null : 100.0 - score;
        }
        Double[] volatility = new Double[n];
        for (int i = 0; i < n; i++) volatility[i] = stability[i] == null ? null : 100.0 - stability[i];
        var category = org.gpkg311.stats.ScoreClasses.of(volatility, CATEGORY_NOUN);
        return new VolatilityMetrics(mean, sd, dailyCV, weeklyCV, monthlyCV, median, min, max, peakToTrough,
                herfindahl, mixVolatility, Ranks.percentile(dailyCV), Ranks.descending(dailyCV),
                Ranks.quartile(dailyCV), Quantiles.quartiles(dailyCV), threshold, usesSd, spikeDays, spikeDay,
                composite.weight().clone(), composite.dropped().clone(), stability, category);
    }

    /** Σ p² of the request-type shares; null without requests. */
    static Double herfindahl(Map<String, Integer> typeCounts, int total) {
        if (total == 0) return null;
        double h = 0;
        for (int c : typeCounts.values()) {
            double p = (double) c / total;
            h += p * p;
        }
        return h;
    }

    /**
     * Mean total-variation distance ½ Σ |p − q| between the type shares of consecutive full weeks;
     * a pair with an empty week has no shares and is skipped; null without any pair.
     */
    static Double typeMixVolatility(List<Map<String, Integer>> weeks) {
        double sum = 0;
        int pairs = 0;
        for (int w = 1; w < weeks.size(); w++) {
            Map<String, Integer> a = weeks.get(w - 1), b = weeks.get(w);
            int na = total(a), nb = total(b);
            if (na == 0 || nb == 0) continue;
            Set<String> types = new HashSet<>(a.keySet());
            types.addAll(b.keySet());
            double tv = 0;
            for (String t : types) tv += Math.abs((double) a.getOrDefault(t, 0) / na - (double) b.getOrDefault(t, 0) / nb);
            sum += tv / 2;
            pairs++;
        }
        return pairs == 0 ? null : sum / pairs;
    }

    private static int total(Map<String, Integer> counts) {
        int n = 0;
        for (int c : counts.values()) n += c;
        return n;
    }
}
