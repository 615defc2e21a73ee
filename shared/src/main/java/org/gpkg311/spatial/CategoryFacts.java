package org.gpkg311.spatial;

import java.util.Arrays;

import org.gpkg311.provenance.Provenance;
import org.gpkg311.stats.ProfileGroups;
import org.gpkg311.stats.Quantiles;
import org.gpkg311.stats.ScoreClasses;
import org.gpkg311.stats.VarianceWeightedComposite;

/** Provenance entries shared by the spatial and composite generators: silhouette categories, quantile cuts, weights. */
public final class CategoryFacts {

    private CategoryFacts() {}

    /** The quantile definition behind every cut, median and percentile target. */
    public static Provenance quantileMethod(Provenance p) {
        return p.add("quantileMethod", "Hyndman-Fan type 7", "Quantiles interpolate linearly between order statistics (R and numpy default).");
    }

    /** The percentile-rank definition of the *Percentile columns. */
    public static Provenance percentileRank(Provenance p) {
        return p.add("percentileRank", "mid-rank", "Percentile = 100 × (number below + 0.5 × number equal) / n, rounded to 0.1 when written.");
    }

    /** The spec's variance-weighted composite rule, for scores built with {@code VarianceWeightedComposite}. */
    public static Provenance compositeRule(Provenance p) {
        return p.add("compositeRule", "each component min–max normalised over the districts that have it (a constant one is dropped); weights ∝ its variance over the districts that have all components, summing to 1; score = 100 × Σ weight × component; NULL when a component is missing",
                "The spec's variance-weighted composite.");
    }

    /** Profile groups: features, method, the deciding test with Gap(1..3) and s, every k's silhouette, the centroids. */
    public static void profileGroups(Provenance p, String column, ProfileGroups g, java.util.List<String> features,
                                     String orderBy, int maxK) {
        p.add(column + ".features", String.join(", ", features) + "; numbered by " + orderBy,
                "Features of the profile groups of " + column + ", and the ordering feature.");
        p.add(column + ".maxK", maxK, "Convention: k from 2 to min(" + maxK + ", n−1) for " + column + ".");
        p.add(column + ".method", ProfileGroups.METHOD, "How the profile groups of " + column + " are found.");
        p.add(column + ".k", g.k() == 0 ? null : g.k(), g.k() == 0 ? "No distinct groups: " + g.decision() + "."
                : "Number of groups chosen by the highest mean silhouette.");
        p.add(column + ".decision", g.describe(), "The deciding test, Gap(1..3) with s, the silhouette of every k, restarts and seed.");
        if (g.k() > 0) {
            p.add(column + ".centroids", Arrays.deepToString(g.centroidRaw()),
                    "Group centroids in raw units (groups 1..k, features in the order listed).");
        }
    }

    /** Score classes: the method, k, every k's silhouette and each class's [min, max]. */
    public static void scoreClasses(Provenance p, String column, ScoreClasses c, String score, String noun) {
        p.add(column + ".method", ScoreClasses.METHOD, "How the score classes of " + column + " are formed (of " + score + ").");
        p.add(column + ".k", c.k() == 0 ? null : c.k(), c.k() == 0 ? "No classes: " + c.reason() + "."
                : "Number of classes chosen by the highest mean 1-D silhouette.");
        p.add(column + ".classes", c.describe(noun), "The silhouette of every k tried and each class's [min, max] of " + score + ".");
    }

    /** The type-7 cut points (Q1, Q2, Q3 or the quintile cuts) of a class column. */
    public static void cuts(Provenance p, String column, Double[] values, int classes, String of) {
        double[] cuts = Quantiles.cuts(values, classes);
        p.add(column + ".cuts", cuts == null ? null : Arrays.toString(cuts),
                "Type-7 " + (classes == 4 ? "quartiles" : classes + "-quantile cuts") + " of " + of
                        + " that bound the classes of " + column + " (x ≤ cut → lower class; the highest class holds the highest values).");
    }

    /** Every component's weight and whether it was dropped as constant. */
    public static void weights(Provenance p, String score, String[] names, VarianceWeightedComposite.Composite c) {
        for (int i = 0; i < names.length; i++) {
            p.add(score + ".weight." + names[i], c.weight()[i],
                    c.dropped()[i] ? "Dropped: constant across districts (weight 0)."
                            : "Variance-based weight of " + names[i] + " in " + score + " (min–max normalised components; weights sum to 1).");
        }
    }
}
