package org.gpkg311.sample;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

/**
 * The sample city's request types: weights from the real type histogram of the full hubNashville export
 * (resource {@code sample/request-type-counts.csv}), a few real sub-types per major type (the top sub-types
 * of the research notes, with their real counts as weights), and a skewed response-time profile per type.
 */
final class RequestTypeMix {

    /** Median hours and log-sd of a lognormal response time; {@code instantShare} closes when created. */
    record Response(double medianHours, double sigma, double instantShare) {}

    record Type(String name, double weight, List<String> subtypes, double[] subtypeWeights, String additional,
                Response response) {}

    // Top sub-types per type with their real counts (research notes §2, "Top Subrequest Types").
    private static final Map<String, Object[]> SUBTYPES = Map.of(
            "Trash, Recycling & Litter", new Object[] {
                    "Cart Service", 145572, "Missed Pickup - Trash Cart Service", 125671,
                    "Missed Pickup - Recycle Cart Service", 73488, "File a Trash or Recycling Complaint", 38761,
                    "New Service/Activate Service", 19078, "Brush Collection", 13207, "Litter", 11337,
                    "Illegal Dumping", 8431},
            "Public Safety", new Object[] {
                    "Control Number Request for Towing", 138969, "Request Non-Emergency Police Assistance", 50015,
                    "Repossessed Vehicle", 22519, "Improperly Parked Vehicles", 20626, "Abandoned Vehicles", 17632,
                    "Noise Violations", 4135},
            "Streets, Roads & Sidewalks", new Object[] {
                    "Damaged Sign", 23049, "Traffic Light Issue", 21921, "Dead Animal Pickup", 18542,
                    "Blocking the Right of Way", 18068, "Overgrowth on right of way", 13778, "Potholes", 12301,
                    "Sidewalks", 9988},
            "Property Violations", new Object[] {
                    "Junk and Debris", 28650, "Noise Violations", 22867, "Tall Grass and Weeds", 22113,
                    "Residential Complaint", 20308, "Dilapidated Structures", 6673},
            "Electric & Water General", new Object[] {
                    "Water Outage", 2631, "Power Lines Down/Low", 2326, "Water Billing Concern", 1840},
            "Transit", new Object[] {"State Routes", 20749, "WeGo Public Transit Comments", 539},
            "Public Works WO", new Object[] {"Dead Animal Pickup", 5, "Brush Collection", 3, "Potholes", 2});

    // Plausible service levels: information calls close at once, towing numbers within hours,
    // code enforcement takes weeks. Medians in hours, lognormal spread.
    private static final Map<String, Response> RESPONSES = Map.of(
            "Resolved by hubNashville on First Call", new Response(0.05, 1.0, 0.92),
            "Public Safety", new Response(1.5, 1.3, 0.35),
            "Trash, Recycling & Litter", new Response(52, 0.9, 0.02),
            "Streets, Roads & Sidewalks", new Response(140, 1.1, 0.02),
            "Property Violations", new Response(330, 0.8, 0.0),
            "Public Works WO", new Response(110, 1.0, 0.0),
            "Transit", new Response(60, 1.2, 0.05),
            "Electric & Water General", new Response(20, 1.2, 0.05),
            "Pothole", new Response(90, 0.9, 0.0));
    private static final Response DEFAULT_RESPONSE = new Response(70, 1.2, 0.10);

    private final List<Type> types = new ArrayList<>();
    private final double[] cumulative;
    /** The same for the suburban districts, where {@link PlantedStructure#SUBURBAN_TYPE} is more common. */
    private final double[] suburbanCumulative;

    RequestTypeMix() {
        try (InputStream in = RequestTypeMix.class.getResourceAsStream("/sample/request-type-counts.csv")) {
            if (in == null) throw new IllegalStateException("resource sample/request-type-counts.csv is missing");
            try (CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(
                    new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)))) {
                boolean header = true;
                for (CsvRecord r : csv) {
                    if (header) {
                        header = false;
                        continue;
                    }
                    String name = r.getField(0);
                    // pandemic-era forms did not exist in 2025; everything else keeps its real weight
                    if (name.toUpperCase().contains("COVID")) continue;
                    types.add(type(name, Long.parseLong(r.getField(1).strip())));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        double[] w = new double[types.size()], suburban = new double[types.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = types.get(i).weight();
            boolean planted = types.get(i).name().equals(PlantedStructure.SUBURBAN_TYPE);
            suburban[i] = w[i] * (planted ? PlantedStructure.SUBURBAN_TYPE_FACTOR : 1.0);
        }
        cumulative = Weighted.cumulative(w);
        suburbanCumulative = Weighted.cumulative(suburban);
    }

    private static Type type(String name, long count) {
        Object[] subs = SUBTYPES.get(name);
        List<String> names = new ArrayList<>();
        double[] w;
        if (subs == null) {
            w = new double[0];
        } else {
            w = new double[subs.length / 2];
            for (int i = 0; i < subs.length; i += 2) {
                names.add((String) subs[i]);
                w[i / 2] = ((Integer) subs[i + 1]).doubleValue();
            }
        }
        String additional = name.startsWith("Streets") || name.startsWith("Public Works") ? "Roadway" : null;
        return new Type(name, count, List.copyOf(names), w, additional, RESPONSES.getOrDefault(name, DEFAULT_RESPONSE));
    }

    int size() {
        return types.size();
    }

    /** A request type by its real weight, or by the suburban weights in a suburban district. */
    Type pick(RandomGenerator rnd, boolean suburban) {
        return types.get(Weighted.index(suburban ? suburbanCumulative : cumulative, rnd.nextDouble()));
    }

    /** A sub-type of {@code t} by its real weights, or null for types without a sub-type list. */
    static String subtype(Type t, RandomGenerator rnd) {
        if (t.subtypes().isEmpty()) return null;
        double total = 0;
        for (double w : t.subtypeWeights()) total += w;
        double u = rnd.nextDouble() * total;
        for (int i = 0; i < t.subtypeWeights().length; i++) {
            u -= t.subtypeWeights()[i];
            if (u < 0) return t.subtypes().get(i);
        }
        return t.subtypes().get(t.subtypes().size() - 1);
    }
}
