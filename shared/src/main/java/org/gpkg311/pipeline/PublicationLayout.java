package org.gpkg311.pipeline;

/**
 * Where a run stages its files and where a commit makes them public. In a bucket the run's private prefix is
 * {@code runs/<runId>/} (staged files under {@code out/<name>/}, kept after the commit so that a commit that
 * lost a race can restore the winner's files); in an output folder it is the hidden {@code .staging/<runId>/},
 * removed once committed.
 *
 * @param publicPrefix "gpkg-public/" in the bucket, "" in an output folder
 * @param runsPrefix   "runs/" in the bucket, ".staging/" in an output folder
 * @param keepStaging  whether staged files stay after the commit
 */
public record PublicationLayout(String publicPrefix, String runsPrefix, boolean keepStaging) {

    public static final String GPKG = ".gpkg";
    public static final String JSON = ".json";
    public static final String SVG = ".svg";
    /** The three files of a generator, in the order a commit copies them (the GeoPackage first). */
    public static final java.util.List<String> EXTENSIONS = java.util.List.of(GPKG, JSON, SVG);

    /** The bucket layout of the Lambdas. */
    public static PublicationLayout bucket(String runsPrefix, String publicPrefix) {
        return new PublicationLayout(publicPrefix, runsPrefix, true);
    }

    /** An output folder (or an S3 output of the CLI): outputs at its root, staging hidden beside them. */
    public static PublicationLayout folder() {
        return new PublicationLayout("", ".staging/", false);
    }

    public String runPrefix(String runId) {
        return runsPrefix + RunIds.requireValid(runId) + "/";
    }

    public String stagingPrefix(String runId) {
        return runPrefix(runId) + "out/";
    }

    public String stagedKey(String runId, String generator, String extension) {
        return stagingPrefix(runId) + generator + "/" + generator + extension;
    }

    /** Written after the three files: the generator has staged (sizes and checksums inside). */
    public String stagedMarker(String runId, String generator) {
        return stagingPrefix(runId) + generator + "/staged.json";
    }

    /** Created only if absent: who commits the run. */
    public String commitMarker(String runId) {
        return runPrefix(runId) + "commit.json";
    }

    /** Which generators the run asked for, written by whoever starts the run. */
    public String planKey(String runId) {
        return runPrefix(runId) + "plan.json";
    }

    public String publicKey(String generator, String extension) {
        return publicPrefix + generator + "/" + generator + extension;
    }

    public String manifestKey() {
        return publicPrefix + "manifest.json";
    }

    /** A key relative to the public root (links in the manifest and index.html are relative). */
    public String relative(String publicKey) {
        return publicKey.substring(publicPrefix.length());
    }
}
