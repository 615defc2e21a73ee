package org.gpkg311.generator.servicetypes;

import java.util.List;

import org.gpkg311.generator.GeneratorOutput;
import org.gpkg311.generator.RunSettings;
import org.gpkg311.generator.common.DistrictLayer;
import org.gpkg311.generator.common.GeneratorBase;
import org.gpkg311.generator.common.QuartileLabels;
import org.gpkg311.generator.common.RequestLayer;
import org.gpkg311.provenance.Provenance;
import org.gpkg311.snapshot.Snapshot;
import org.gpkg311.spatial.CategoryFacts;
import org.gpkg311.spatial.RecurringLocations;
import org.gpkg311.table.Column;
import org.gpkg311.table.Table;

/** serviceTypeInsights: service mix, recurring issues, complexity (generators.md section 7). */
public final class ServiceTypeInsights extends GeneratorBase {

    public static final String NAME = "serviceTypeInsights";

    static final Column DISTINCT_TYPES = Column.integer("distinctTypes", "Distinct Request Types", "Number of different request types in the district.");
    static final Column TOP_TYPE = Column.text("topRequestType", "Top Request Type", "Most frequent request type (ties: alphabetical).");
    static final Column TOP_SHARE = Column.real("topTypeShare", "Top Type Share", "Share of the district's requests that are of the top type (0..1).");
    static final Column SECOND_TYPE = Column.text("secondRequestType", "Second Request Type", "Second most frequent request type (ties: alphabetical).");
    static final Column TOP3_SHARE = Column.real("top3TypeShare", "Top 3 Types Share", "Share of the district's requests in its three most frequent types (0..1).");
    static final Column SHANNON = Column.real("shannonDiversity", "Shannon Diversity", "Shannon diversity −Σ p·ln p of the request-type shares.");
    static final Column EVENNESS = Column.real("evenness", "Evenness", "Shannon diversity / ln(number of types) (0..1); empty with a single type.");
    static final Column SIMPSON = Column.real("simpsonDiversity", "Simpson Diversity", "1 − Σ p² of the request-type shares: chance that two random requests differ in type.");
    static final Column HERFINDAHL = Column.real("herfindahlIndex", "Herfindahl Index", "Σ p² of the request-type shares (0..1): concentration of the mix.");
    static final Column RECURRING_LOCATIONS = Column.integer("recurringLocations", "Recurring Locations", "Locations (normalised address or data-derived cell) with at least R requests of the same type in the window.");
    static final Column RECURRING_SHARE = Column.real("recurringShare", "Recurring Share", "Share of the district's requests that belong to a recurring location-and-type pair (0..1).");
    static final Column COMPLEXITY = Column.real("complexityIndex", "Complexity Index", "Σ type share × citywide median response of the type / citywide median response (1 = typical mix).");
    static final Column COMPLEX_SHARE = Column.real("complexServiceShare", "Complex Service Share", "Share of requests whose type's citywide median response exceeds the citywide median (0..1).");
    static final Column MOST_OVER = Column.text("mostOverrepresentedType", "Most Over-represented Type", "Type with the highest location quotient among types with at least the citywide median count per type.");
    static final Column QUOTIENT = Column.real("overrepresentationQuotient", "Over-representation Quotient", "Location quotient of that type: district share / citywide share.");
    static final Column OVER_COUNT = Column.integer("overrepresentedTypeCount", "Over-represented Types", "Types significantly over-represented: one-sided binomial P(X ≥ count) < 0.05 at the citywide share.");
    static final Column DIVERSITY_CATEGORY = Column.text("diversityCategory", "Diversity Category", "Quartile label of the Shannon diversity (Lowest quarter … Highest quarter).");
    static final Column RECURRENCE_CATEGORY = Column.text("recurrenceCategory", "Recurrence Category", "Quartile label of the recurring share (Lowest quarter … Highest quarter).");
    static final Column COMPLEXITY_CATEGORY = Column.text("complexityCategory", "Complexity Category", "Quartile label of the complexity index (Lowest quarter … Highest quarter).");
    static final Column MIX_CATEGORY = Column.text("mixCategory", "Service Mix Category", "Silhouette-selected k-means category on diversity, Herfindahl, recurring share and complexity, ordered by complexity.");
    static final Column MIX_CONFIDENCE = Column.real("mixConfidence", "Service Mix Confidence", "Silhouette of the district in its service mix category (−1..1).");

    public static final List<Column> DISTRICT_COLUMNS = List.of(DISTINCT_TYPES, TOP_TYPE, TOP_SHARE, SECOND_TYPE, TOP3_SHARE,
            SHANNON, EVENNESS, SIMPSON, HERFINDAHL, RECURRING_LOCATIONS, RECURRING_SHARE, COMPLEXITY, COMPLEX_SHARE,
            MOST_OVER, QUOTIENT, OVER_COUNT, DIVERSITY_CATEGORY, RECURRENCE_CATEGORY, COMPLEXITY_CATEGORY, MIX_CATEGORY,
            MIX_CONFIDENCE);

    static final Column REQ_TOP_TYPE = Column.text("topRequestType", "District Top Request Type", "Most frequent request type of the request's district.");
    static final Column REQ_MIX = Column.text("mixCategory", "District Service Mix", "Service mix category of the request's district.");
    static final Column REQ_RECURRING = Column.bool("isRecurring", "Recurring", "True when the request's location and type form a recurring pair (at least R requests).");
    static final Column REQ_TYPE_MEDIAN = Column.real("typeMedianResponseHours", "Type Median Response (hours)", "Citywide median response hours of the request's type; empty when none of its type closed.");

    public static final List<Column> REQUEST_COLUMNS = List.of(REQ_TOP_TYPE, REQ_MIX, REQ_RECURRING, REQ_TYPE_MEDIAN);

    public ServiceTypeInsights() {
        super(NAME, org.gpkg311.generator.common.GeneratorVersion.CURRENT,
                "Which services each district asks for, where the same issue recurs, and how complex the mix is.", "shannonDiversity");
    }

    @Override
    public GeneratorOutput generate(Snapshot snapshot, RunSettings settings) {
        ServiceTypeMetrics m = ServiceTypeMetrics.of(snapshot, settings.seed());
        Table districts = DistrictLayer.create(NAME, summary(), snapshot, DISTRICT_COLUMNS);
        for (int i = 0; i < districts.rowCount(); i++) {
            districts.row(i)
                    .set(DISTINCT_TYPES.name(), m.distinctTypes()[i])
                    .set(TOP_TYPE.name(), m.topRequestType()[i])
                    .set(TOP_SHARE.name(), m.topTypeShare()[i])
                    .set(SECOND_TYPE.name(), m.secondRequestType()[i])
                    .set(TOP3_SHARE.name(), m.top3TypeShare()[i])
                    .set(SHANNON.name(), m.shannonDiversity()[i])
                    .set(EVENNESS.name(), m.evenness()[i])
                    .set(SIMPSON.name(), m.simpsonDiversity()[i])
                    .set(HERFINDAHL.name(), m.herfindahlIndex()[i])
                    .set(RECURRING_LOCATIONS.name(), m.recurringLocations()[i])
                    .set(RECURRING_SHARE.name(), m.recurringShare()[i])
                    .set(COMPLEXITY.name(), m.complexityIndex()[i])
                    .set(COMPLEX_SHARE.name(), m.complexServiceShare()[i])
                    .set(MOST_OVER.name(), m.mostOverrepresentedType()[i])
                    .set(QUOTIENT.name(), m.overrepresentationQuotient()[i])
                    .set(OVER_COUNT.name(), m.overrepresentedTypeCount()[i])
                    .set(DIVERSITY_CATEGORY.name(), QuartileLabels.quarter(m.diversityQuartile()[i]))
                    .set(RECURRENCE_CATEGORY.name(), QuartileLabels.quarter(m.recurrenceQuartile()[i]))
                    .set(COMPLEXITY_CATEGORY.name(), QuartileLabels.quarter(m.complexityQuartile()[i]))
                    .set(MIX_CATEGORY.name(), m.mix().label()[i])
                    .set(MIX_CONFIDENCE.name(), m.mix().silhouette()[i]);
        }
        RequestLayer requests = RequestLayer.create(NAME, summary(), snapshot, REQUEST_COLUMNS)
                .districtContext(REQ_TOP_TYPE.name(), m.topRequestType())
                .districtContext(REQ_MIX.name(), m.mix().label())
                .eachRow((r, row) -> row.set(REQ_RECURRING.name(), m.isRecurring()[r])
                        .set(REQ_TYPE_MEDIAN.name(), m.typeMedianResponseHours()[r]));
        return new GeneratorOutput(NAME, version(), List.of(districts, requests.table()), provenance(m));
    }

    static Provenance provenance(ServiceTypeMetrics m) {
        RecurringLocations rec = m.recurring();
        Provenance p = CategoryFacts.quantileMethod(new Provenance())
                .add("cityMedianResponseHours", m.cityMedianResponseHours(), "Median response hours over all closed requests: denominator of complexityIndex and the complex-service cut.")
                .add("typeMedianResponseHours", m.typeMedians().toString(), "Citywide median response hours of every type with a closed request.")
                .add("overrepresentationMinTypeCount", m.minOverrepresentedCount(), "Citywide median count per type: only types with at least this many requests get a location quotient.")
                .add("overrepresentationTest", "one-sided binomial P(X ≥ count | n = requestCount, p = citywide share) < " + ServiceTypeMetrics.SIGNIFICANCE, "Rule of overrepresentedTypeCount.")
                .add("recurringMinRepeats", RecurringLocations.MIN_REPEATS, "Convention: a recurring location needs at least 2 requests of the same type.")
                .add("recurringPairCount95thPercentile", rec.percentile95(), "Type-7 95th percentile of requests per (location, type) pair over all pairs.")
                .add("recurringThresholdR", rec.threshold(), "R = max(2, ⌈95th percentile⌉): a pair with at least R requests is recurring.")
                .add("recurringPairs", rec.pairs(), "Distinct (location, type) pairs in the window.")
                .add("recurringCellSideMeters", m.recurringCellSideMeters(), "Side of the square LAEA cells that locate requests without an address: the median nearest-neighbour distance (0 = exact point).")
                .add("addressNormalisation", "upper case; text before the first comma; characters other than letters, digits and spaces removed; spaces collapsed", "How addresses become location keys.");
        CategoryFacts.cuts(p, "diversityCategory", m.shannonDiversity(), 4, "shannonDiversity");
        CategoryFacts.cuts(p, "recurrenceCategory", m.recurringShare(), 4, "recurringShare");
        CategoryFacts.cuts(p, "complexityCategory", m.complexityIndex(), 4, "complexityIndex");
        CategoryFacts.silhouette(p, "mixCategory", m.mix(), "shannonDiversity, herfindahlIndex, recurringShare, complexityIndex", "complexityIndex", ServiceTypeMetrics.MAX_K);
        return p;
    }
}
