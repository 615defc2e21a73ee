package org.gpkg311.generator.volatility;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

import org.gpkg311.generator.RunContext;
import org.gpkg311.generator.RunSettings;
import org.gpkg311.generator.common.Binding;
import org.gpkg311.generator.common.BoundGenerator;
import org.gpkg311.generator.common.SharedFacts;
import org.gpkg311.provenance.Provenance;
import org.gpkg311.series.RequestTimes;
import org.gpkg311.series.SeriesProvenance;
import org.gpkg311.series.SnapshotSeries;
import org.gpkg311.snapshot.Snapshot;
import org.gpkg311.stats.Descriptive;
import org.gpkg311.stats.Ranks;
import org.gpkg311.stats.ScoreClasses;
import org.gpkg311.table.Levels;

/** requestVolatility: how stable each district's request volumes are from day to day, week to week and month to month. */
public final class RequestVolatility extends BoundGenerator<RequestVolatility.Facts> {

    public static final String NAME = "requestVolatility";
    public static final String VERSION = org.gpkg311.generator.common.GeneratorVersion.CURRENT;
    public static final String SUMMARY = "How stable each council district's daily, weekly and monthly 311 volumes are, with spike days.";

    /** What the layers read: the volatility metrics, each request's local-time facts and district. */
    public record Facts(VolatilityMetrics m, RequestTimes t, int[] districtOf) {
        Boolean isSpikeDay(int r) {
            return m.spikeDay()[districtOf[r]][t.dayIndex()[r]];
        }
    }

    public static final Binding<Facts> DAILY_CV = Binding.real("dailyCV", "Daily CV", "Coefficient of variation (sample SD / mean) of the daily request counts; empty without requests.", (f, i) -> f.m().dailyCV()[i]);
    public static final Binding<Facts> STABILITY_INDEX = Binding.real("stabilityIndex", "Stability Index", "100 minus the variance-weighted composite (0–100) of daily, weekly and monthly CV: 100 = the most stable.", (f, i) -> f.m().stabilityIndex()[i]);
    public static final Binding<Facts> VOLATILITY_CATEGORY = Binding.text("volatilityCategory", "Volatility Category", "Score class of 100 − stabilityIndex by exact natural breaks (Low volatility = the most stable; a less stable district never has a lower class).", (Facts f, int i) -> f.m().category().label()[i])
            .ordered(Levels.sequential(ScoreClasses.ladder(VolatilityMetrics.CATEGORY_NOUN)));

    static final List<Binding<Facts>> DISTRICT_COLUMNS = List.of(
            Binding.real("dailyMean", "Mean Daily Requests", "Mean requests per local day over every day of the window (days without requests count as 0).", (f, i) -> f.m().dailyMean()[i]),
            Binding.real("dailyStdDev", "Daily Std. Deviation", "Sample standard deviation of the daily request counts.", (f, i) -> f.m().dailyStdDev()[i]),
            DAILY_CV,
            Binding.real("weeklyCV", "Weekly CV", "Coefficient of variation of the request counts of the full Monday–Sunday weeks.", (f, i) -> f.m().weeklyCV()[i]),
            Binding.real("monthlyCV", "Monthly CV", "Coefficient of variation of the three window months' requests per day.", (f, i) -> f.m().monthlyCV()[i]),
            Binding.real("dailyMedian", "Median Daily Requests", "Median of the daily request counts.", (f, i) -> f.m().dailyMedian()[i]),
            Binding.integer("minDailyCount", "Fewest Requests in a Day", "Lowest daily request count in the window.", (f, i) -> f.m().minDailyCount()[i]),
            Binding.integer("maxDailyCount", "Most Requests in a Day", "Highest daily request count in the window.", (f, i) -> f.m().maxDailyCount()[i]),
            Binding.real("peakToTroughRatio", "Peak-to-Trough Ratio", "Highest daily count divided by the lowest; empty when some day had no request.", (f, i) -> f.m().peakToTroughRatio()[i]),
            Binding.real("typeMixHerfindahl", "Type Mix Concentration", "Herfindahl index (sum of squared shares, 0–1) of the request types in the window.", (f, i) -> f.m().typeMixHerfindahl()[i]),
            Binding.real("typeMixVolatility", "Type Mix Volatility", "Mean total-variation distance (0–1) between consecutive full weeks' request-type shares.", (f, i) -> f.m().typeMixVolatility()[i]),
            Binding.real("volatilityPercentile", "Volatility Percentile", "Mid-rank percentile (0–100) of the daily CV among districts.", (f, i) -> Ranks.roundTenth(f.m().volatilityPercentile()[i])),
            Binding.integer("volatilityRank", "Volatility Rank", "Rank of the daily CV among districts (1 = most volatile; ties share the rank).", (f, i) -> f.m().volatilityRank()[i]),
            Binding.integer("volatilityQuartile", "Volatility Quartile", "Quartile class 1–4 of the daily CV (4 = the most volatile quarter of districts).", (Facts f, int i) -> f.m().volatilityQuartile()[i])
                    .classOf("dailyCV", 4),
            Binding.real("spikeThreshold", "Spike Threshold", "Median + 3 scaled MADs of the daily counts (sample SD in place of a zero MAD); a day above it is a spike.", (f, i) -> f.m().spikeThreshold()[i]),
            Binding.integer("spikeDays", "Spike Days", "Days in the window whose request count exceeds the spike threshold.", (f, i) -> f.m().spikeDays()[i]),
            STABILITY_INDEX,
            VOLATILITY_CATEGORY,
            Binding.real("volatilityConfidence", "Volatility Category Confidence", "1-D silhouette (−1 to 1) of the district in its volatility class.", (f, i) -> f.m().category().silhouette()[i]));

    static final List<Binding<Facts>> REQUEST_COLUMNS = List.of(
            VOLATILITY_CATEGORY.ofDistrict(),
            STABILITY_INDEX.ofDistrict(),
            Binding.bool("isSpikeDay", "Opened on a Spike Day", "True when the request's local day is a spike day of its district.", Facts::isSpikeDay));

    public RequestVolatility() {
        super(NAME, VERSION, SUMMARY, "dailyCV", DISTRICT_COLUMNS, REQUEST_COLUMNS);
    }

    @Override
    protected Facts facts(RunContext context) {
        return new Facts(context.get(VolatilityMetrics.FACT), context.get(SharedFacts.SERIES).times(), context.snapshot().requestDistrictIndexes());
    }

    @Override
    protected Provenance provenance(Facts f, RunContext context) {
        return provenance(context.snapshot(), context.get(SharedFacts.SERIES), f.m(), context.settings());
    }

    private static Provenance provenance(Snapshot snapshot, SnapshotSeries series, VolatilityMetrics m, RunSettings settings) {
        Provenance p = new Provenance();
        SeriesProvenance.calendar(p, series.calendar());
        SeriesProvenance.fullWeeks(p, series.calendar());
        SeriesProvenance.months(p, series.calendar());
        p.add("madScale", Descriptive.MAD_SCALE, "Convention: scaled MAD = 1.4826 × median(|x − median(x)|).");
        p.add("spikeRule", "count > median + " + VolatilityMetrics.SPIKE_MADS + " × scaled MAD of the daily counts (sample SD when the scaled MAD is 0)",
                "Convention: spike day; each district's threshold is its spikeThreshold column.");
        // every data-driven threshold goes to the provenance (spec "Provenance"), also the per-district spike cut
        StringJoiner thresholds = new StringJoiner("; ");
        for (int i = 0; i < m.spikeThreshold().length; i++) {
            thresholds.add(snapshot.districts().get(i).id() + ": " + Provenance.format(m.spikeThreshold()[i]));
        }
        p.add("spikeThresholds", thresholds.toString(),
                "Spike threshold of every district (district id: median + 3 × scaled MAD of its daily counts, or the sample SD in its place).");
        StringJoiner sdDistricts = new StringJoiner(", ");
        for (int i = 0; i < m.spikeThresholdUsesSd().length; i++) {
            if (m.spikeThresholdUsesSd()[i]) sdDistricts.add(String.valueOf(snapshot.districts().get(i).id()));
        }
        p.add("spikeThresholdSdDistricts", sdDistricts.length() == 0 ? "none" : sdDistricts.toString(),
                "Districts whose daily counts have a scaled MAD of 0, so the sample SD took its place in the spike threshold.");
        SeriesProvenance.quartileCuts(p, "dailyCVQuartiles", "dailyCV (volatilityQuartile)", m.volatilityQuartileCuts());
        List<String> weights = new ArrayList<>();
        for (int c = 0; c < VolatilityMetrics.COMPOSITE_COMPONENTS.size(); c++) {
            weights.add(VolatilityMetrics.COMPOSITE_COMPONENTS.get(c) + " " + Provenance.format(m.compositeWeights()[c])
                    + (m.compositeDropped()[c] ? " (dropped: constant across districts)" : ""));
        }
        p.add("stabilityIndexWeights", String.join("; ", weights),
                "Variance-weighted composite: min–max normalised components, weights ∝ their variance over districts having all three, sum 1; stabilityIndex = 100 − 100 × Σ weight × component.");
        org.gpkg311.spatial.CategoryFacts.scoreClasses(p, "volatilityCategory", m.category(), "100 - stabilityIndex",
                VolatilityMetrics.CATEGORY_NOUN);
        return p;
    }
}
