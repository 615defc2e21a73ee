package org.gpkg311.generator.servicetypes;

import java.util.List;

import org.gpkg311.generator.common.BoundGenerator;
import org.gpkg311.generator.common.Binding;
import org.gpkg311.generator.RunContext;
import org.gpkg311.generator.common.QuartileLabels;
import org.gpkg311.provenance.Provenance;
import org.gpkg311.spatial.CategoryFacts;
import org.gpkg311.spatial.RecurringLocations;

/** serviceTypeInsights: service mix, recurring issues, complexity (docs/methods.md#servicetypeinsights). */
public final class ServiceTypeInsights extends BoundGenerator<ServiceTypeInsights.Facts> {

    public static final String NAME = "serviceTypeInsights";

    /** What the layers read: the service-type metrics. */
    record Facts(ServiceTypeMetrics m) {}

    static final List<Binding<Facts>> DISTRICT_COLUMNS = List.of(
            Binding.integer("distinctTypes", "Distinct Request Types", "Number of different request types in the district.", (f, i) -> f.m().distinctTypes()[i]),
            Binding.text("topRequestType", "Top Request Type", "Most frequent request type (ties: alphabetical).", (f, i) -> f.m().topRequestType()[i]),
            Binding.real("topTypeShare", "Top Type Share", "Share of the district's requests that are of the top type (0..1).", (f, i) -> f.m().topTypeShare()[i]),
            Binding.text("secondRequestType", "Second Request Type", "Second most frequent request type (ties: alphabetical).", (f, i) -> f.m().secondRequestType()[i]),
            Binding.real("top3TypeShare", "Top 3 Types Share", "Share of the district's requests in its three most frequent types (0..1).", (f, i) -> f.m().top3TypeShare()[i]),
            Binding.real("shannonDiversity", "Shannon Diversity", "Shannon diversity −Σ p·ln p of the request-type shares.", (f, i) -> f.m().shannonDiversity()[i]),
            Binding.real("evenness", "Evenness", "Shannon diversity / ln(number of types) (0..1); empty with a single type.", (f, i) -> f.m().evenness()[i]),
            Binding.real("simpsonDiversity", "Simpson Diversity", "1 − Σ p² of the request-type shares: chance that two random requests differ in type.", (f, i) -> f.m().simpsonDiversity()[i]),
            Binding.real("herfindahlIndex", "Herfindahl Index", "Σ p² of the request-type shares (0..1): concentration of the mix.", (f, i) -> f.m().herfindahlIndex()[i]),
            Binding.integer("recurringLocations", "Recurring Locations", "Locations (normalised address or data-derived cell) with at least R requests of the same type in the window.", (f, i) -> f.m().recurringLocations()[i]),
            Binding.real("recurringShare", "Recurring Share", "Share of the district's requests that belong to a recurring location-and-type pair (0..1).", (f, i) -> f.m().recurringShare()[i]),
            Binding.real("complexityIndex", "Complexity Index", "Σ type share × citywide median response of the type / citywide median response (1 = typical mix).", (f, i) -> f.m().complexityIndex()[i]),
            Binding.real("complexServiceShare", "Complex Service Share", "Share of requests whose type's citywide median response exceeds the citywide median (0..1).", (f, i) -> f.m().complexServiceShare()[i]),
            Binding.text("mostOverrepresentedType", "Most Over-represented Type", "Type with the highest location quotient among types with at least the citywide median count per type.", (f, i) -> f.m().mostOverrepresentedType()[i]),
            Binding.real("overrepresentationQuotient", "Over-representation Quotient", "Location quotient of that type: district share / citywide share.", (f, i) -> f.m().overrepresentationQuotient()[i]),
            Binding.integer("overrepresentedTypeCount", "Over-represented Types", "Eligible types significantly over-represented: one-sided binomial P(X ≥ count) at the citywide share, rejected by Benjamini–Hochberg at 0.05 over every district × eligible-type pair.", (f, i) -> f.m().overrepresentedTypeCount()[i]),
            Binding.text("diversityCategory", "Diversity Category", "Quartile label of the Shannon diversity (Lowest quarter … Highest quarter).", (Facts f, int i) -> QuartileLabels.quarter(f.m().diversityQuartile()[i]))
                    .labelOf("shannonDiversity", QuartileLabels.QUARTER_LABELS),
            Binding.text("recurrenceCategory", "Recurrence Category", "Quartile label of the recurring share (Lowest quarter … Highest quarter).", (Facts f, int i) -> QuartileLabels.quarter(f.m().recurrenceQuartile()[i]))
                    .labelOf("recurringShare", QuartileLabels.QUARTER_LABELS),
            Binding.text("complexityCategory", "Complexity Category", "Quartile label of the complexity index (Lowest quarter … Highest quarter).", (Facts f, int i) -> QuartileLabels.quarter(f.m().complexityQuartile()[i]))
                    .labelOf("complexityIndex", QuartileLabels.QUARTER_LABELS),
            Binding.text("mixCategory", "Service Mix Category", "Profile group on z-scored diversity, Herfindahl, recurring share and complexity, named by its centroid (Diverse/Narrow, Recurring/One-off, Complex/Routine); No distinct groups when the data has none.", (f, i) -> f.m().mix().label()[i]),
            Binding.real("mixConfidence", "Service Mix Confidence", "Silhouette of the district in its service mix group (−1..1); empty without groups.", (f, i) -> f.m().mix().confidence()[i]));

    static final List<Binding<Facts>> REQUEST_COLUMNS = List.of(
            Binding.districtContext(DISTRICT_COLUMNS, "topRequestType"),
            Binding.districtContext(DISTRICT_COLUMNS, "mixCategory"),
            Binding.bool("isRecurring", "Recurring", "True when the request's location and type form a recurring pair (at least R requests).", (f, i) -> f.m().isRecurring()[i]),
            Binding.real("typeMedianResponseHours", "Type Median Response (hours)", "Citywide median response hours of the request's type; empty when none of its type closed.", (f, i) -> f.m().typeMedianResponseHours()[i]));

    public ServiceTypeInsights() {
        super(NAME, org.gpkg311.generator.common.GeneratorVersion.CURRENT,
                "Which services each district asks for, where the same issue recurs, and how complex the mix is.", "shannonDiversity", DISTRICT_COLUMNS, REQUEST_COLUMNS);
    }

    @Override
    protected Facts facts(RunContext context) {
        return new Facts(context.get(ServiceTypeMetrics.FACT));
    }

    @Override
    protected Provenance provenance(Facts f, RunContext context) {
        ServiceTypeMetrics m = f.m();
        RecurringLocations rec = m.recurring();
        Provenance p = CategoryFacts.quantileMethod(new Provenance())
                .add("cityMedianResponseHours", m.cityMedianResponseHours(), "Median response hours over all closed requests: denominator of complexityIndex and the complex-service cut.")
                .add("typeMedianResponseHours", m.typeMedians().toString(), "Citywide median response hours of every type with a closed request.")
                .add("overrepresentationMinTypeCount", m.minOverrepresentedCount(), "Citywide median count per type: only types with at least this many requests get a location quotient.")
                .add("overrepresentationTest", "one-sided binomial P(X ≥ count | n = requestCount, p = citywide share) over every (district with a request, eligible type) pair, zero counts included; Benjamini–Hochberg false-discovery rate " + ServiceTypeMetrics.SIGNIFICANCE, "Rule of overrepresentedTypeCount.")
                .add("recurringMinRepeats", RecurringLocations.MIN_REPEATS, "Convention: a recurring location needs at least 2 requests of the same type.")
                .add("recurringPairCount95thPercentile", rec.percentile95(), "Type-7 95th percentile of requests per (location, type) pair over all pairs.")
                .add("recurringThresholdR", rec.threshold(), "R = max(2, ⌈95th percentile⌉): a pair with at least R requests is recurring.")
                .add("recurringPairs", rec.pairs(), "Distinct (location, type) pairs in the window.")
                .add("recurringCellSideMeters", m.recurringCellSideMeters(), "Side of the square LAEA cells that locate requests without an address: the median nearest-neighbour distance (0 = exact point).")
                .add("addressNormalisation", "upper case; text before the first comma; characters other than letters, digits and spaces removed; spaces collapsed", "How addresses become location keys.");
        cuts(p, f, context, "diversityCategory");
        cuts(p, f, context, "recurrenceCategory");
        cuts(p, f, context, "complexityCategory");
        CategoryFacts.profileGroups(p, "mixCategory", m.mix(), ServiceTypeMetrics.MIX_FEATURES, "complexityIndex", ServiceTypeMetrics.MAX_K);
        return p;
    }
}
