package org.gpkg311.generator.volatility;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

import org.gpkg311.generator.GeneratorOutput;
import org.gpkg311.generator.RunSettings;
import org.gpkg311.generator.common.DistrictLayer;
import org.gpkg311.generator.common.GeneratorBase;
import org.gpkg311.generator.common.RequestLayer;
import org.gpkg311.provenance.Provenance;
import org.gpkg311.series.RequestTimes;
import org.gpkg311.series.SeriesProvenance;
import org.gpkg311.series.SilhouetteResult;
import org.gpkg311.series.SnapshotSeries;
import org.gpkg311.snapshot.Snapshot;
import org.gpkg311.stats.Descriptive;
import org.gpkg311.stats.Ranks;
import org.gpkg311.table.Column;
import org.gpkg311.table.Table;

/** requestVolatility: how stable each district's request volumes are from day to day, week to week and month to month. */
public final class RequestVolatility extends GeneratorBase {

    public static final String NAME = "requestVolatility";
    public static final String VERSION = org.gpkg311.generator.common.GeneratorVersion.CURRENT;
    public static final String SUMMARY = "How stable each council district's daily, weekly and monthly 311 volumes are, with spike days.";

    public static final Column DAILY_MEAN = Column.real("dailyMean", "Mean Daily Requests", "Mean requests per local day over every day of the window (days without requests count as 0).");
    public static final Column DAILY_SD = Column.real("dailyStdDev", "Daily Std. Deviation", "Sample standard deviation of the daily request counts.");
    public static final Column DAILY_CV = Column.real("dailyCV", "Daily CV", "Coefficient of variation (sample SD / mean) of the daily request counts; empty without requests.");
    public static final Column WEEKLY_CV = Column.real("weeklyCV", "Weekly CV", "Coefficient of variation of the request counts of the full Monday–Sunday weeks.");
    public static final Column MONTHLY_CV = Column.real("monthlyCV", "Monthly CV", "Coefficient of variation of the three window months' requests per day.");
    public static final Column DAILY_MEDIAN = Column.real("dailyMedian", "Median Daily Requests", "Median of the daily request counts.");
    public static final Column MIN_DAILY = Column.integer("minDailyCount", "Fewest Requests in a Day", "Lowest daily request count in the window.");
    public static final Column MAX_DAILY = Column.integer("maxDailyCount", "Most Requests in a Day", "Highest daily request count in the window.");
    public static final Column PEAK_TO_TROUGH = Column.real("peakToTroughRatio", "Peak-to-Trough Ratio", "Highest daily count divided by the lowest; empty when some day had no request.");
    public static final Column TYPE_HERFINDAHL = Column.real("typeMixHerfindahl", "Type Mix Concentration", "Herfindahl index (sum of squared shares, 0–1) of the request types in the window.");
    public static final Column TYPE_MIX_VOLATILITY = Column.real("typeMixVolatility", "Type Mix Volatility", "Mean total-variation distance (0–1) between consecutive full weeks' request-type shares.");
    public static final Column VOLATILITY_PERCENTILE = Column.real("volatilityPercentile", "Volatility Percentile", "Mid-rank percentile (0–100) of the daily CV among districts.");
    public static final Column VOLATILITY_RANK = Column.integer("volatilityRank", "Volatility Rank", "Rank of the daily CV among districts (1 = most volatile; ties share the rank).");
    public static final Column VOLATILITY_QUARTILE = Column.integer("volatilityQuartile", "Volatility Quartile", "Quartile class 1–4 of the daily CV (4 = the most volatile quarter of districts).");
    public static final Column SPIKE_THRESHOLD = Column.real("spikeThreshold", "Spike Threshold", "Median + 3 scaled MADs of the daily counts (sample SD in place of a zero MAD); a day above it is a spike.");
    public static final Column SPIKE_DAYS = Column.integer("spikeDays", "Spike Days", "Days in the window whose request count exceeds the spike threshold.");
    public static final Column STABILITY_INDEX = Column.real("stabilityIndex", "Stability Index", "100 minus the variance-weighted composite (0–100) of daily, weekly and monthly CV: 100 = the most stable.");
    public static final Column VOLATILITY_CATEGORY = Column.text("volatilityCategory", "Volatility Category", "Silhouette-chosen k-means category on daily, weekly and monthly CV, ordered by daily CV (Low = most stable).");
    public static final Column VOLATILITY_CONFIDENCE = Column.real("volatilityConfidence", "Volatility Category Confidence", "Silhouette (−1 to 1) of the district in its volatility category.");

    public static final Column IS_SPIKE_DAY = Column.bool("isSpikeDay", "Opened on a Spike Day", "True when the request's local day is a spike day of its district.");

    static final List<Column> DISTRICT_COLUMNS = List.of(DAILY_MEAN, DAILY_SD, DAILY_CV, WEEKLY_CV, MONTHLY_CV,
            DAILY_MEDIAN, MIN_DAILY, MAX_DAILY, PEAK_TO_TROUGH, TYPE_HERFINDAHL, TYPE_MIX_VOLATILITY,
            VOLATILITY_PERCENTILE, VOLATILITY_RANK, VOLATILITY_QUARTILE, SPIKE_THRESHOLD, SPIKE_DAYS, STABILITY_INDEX,
            VOLATILITY_CATEGORY, VOLATILITY_CONFIDENCE);
    static final List<Column> REQUEST_COLUMNS = List.of(VOLATILITY_CATEGORY, STABILITY_INDEX, IS_SPIKE_DAY);

    public RequestVolatility() {
        super(NAME, VERSION, SUMMARY, "dailyCV");
    }

    @Override
    public GeneratorOutput generate(Snapshot snapshot, RunSettings settings) {
        SnapshotSeries series = SnapshotSeries.of(snapshot);
        VolatilityMetrics m = VolatilityMetrics.compute(series, settings.seed());

        Table districts = DistrictLayer.create(NAME, SUMMARY, snapshot, DISTRICT_COLUMNS);
        for (int i = 0; i < districts.rowCount(); i++) {
            districts.row(i)
                    .set(DAILY_MEAN.name(), m.dailyMean()[i])
                    .set(DAILY_SD.name(), m.dailyStdDev()[i])
                    .set(DAILY_CV.name(), m.dailyCV()[i])
                    .set(WEEKLY_CV.name(), m.weeklyCV()[i])
                    .set(MONTHLY_CV.name(), m.monthlyCV()[i])
                    .set(DAILY_MEDIAN.name(), m.dailyMedian()[i])
                    .set(MIN_DAILY.name(), m.minDailyCount()[i])
                    .set(MAX_DAILY.name(), m.maxDailyCount()[i])
                    .set(PEAK_TO_TROUGH.name(), m.peakToTroughRatio()[i])
                    .set(TYPE_HERFINDAHL.name(), m.typeMixHerfindahl()[i])
                    .set(TYPE_MIX_VOLATILITY.name(), m.typeMixVolatility()[i])
                    .set(VOLATILITY_PERCENTILE.name(), Ranks.roundTenth(m.volatilityPercentile()[i]))
                    .set(VOLATILITY_RANK.name(), m.volatilityRank()[i])
                    .set(VOLATILITY_QUARTILE.name(), m.volatilityQuartile()[i])
                    .set(SPIKE_THRESHOLD.name(), m.spikeThreshold()[i])
                    .set(SPIKE_DAYS.name(), m.spikeDays()[i])
                    .set(STABILITY_INDEX.name(), m.stabilityIndex()[i])
                    .set(VOLATILITY_CATEGORY.name(), m.category().label()[i])
                    .set(VOLATILITY_CONFIDENCE.name(), m.category().silhouette()[i]);
        }

        RequestTimes t = series.times();
        RequestLayer requests = RequestLayer.create(NAME, SUMMARY, snapshot, REQUEST_COLUMNS)
                .districtContext(VOLATILITY_CATEGORY.name(), m.category().label())
                .districtContext(STABILITY_INDEX.name(), m.stabilityIndex());
        requests.eachRow((r, row) -> row.set(IS_SPIKE_DAY.name(), m.spikeDay()[requests.districtOf(r)][t.dayIndex()[r]]));
        return new GeneratorOutput(NAME, VERSION, List.of(districts, requests.table()),
                provenance(snapshot, series, m, settings));
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
        m.category().addTo(p, "volatilityCategory", "volatilityCategory", "dailyCV, weeklyCV, monthlyCV", "dailyCV",
                SilhouetteResult.MAX_K, settings.seed());
        return p;
    }
}
