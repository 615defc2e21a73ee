package org.gpkg311.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gpkg311.snapshot.Snapshot;
import org.gpkg311.storage.FaultPoints;
import org.gpkg311.storage.Storage;
import org.gpkg311.storage.StoredObject;

/**
 * Commits a run once every generator it asked for has staged: copies the staged files to the stable public
 * keys, then writes the manifest last. Exactly one committer per run: the commit marker is created only if
 * absent (S3 {@code If-None-Match: *}, a hard link locally), and only its claimant (or that claimant's retry,
 * which resumes a commit cut short) commits. Newest wins: the manifest is replaced only if its run is not
 * newer, and only if it is still the version read ({@code If-Match}); a committer that lost that race to a
 * newer run restores the winner's files from the winner's kept staging.
 */
public final class RunCommit {

    /** What {@link #commitIfComplete} did. */
    public enum Outcome {
        /** Not every generator has staged yet: a later one commits. */
        WAITING,
        /** This call committed the run. */
        COMMITTED,
        /** Another generator of the run claimed the commit. */
        CLAIMED_BY_OTHER,
        /** The manifest already names this run. */
        ALREADY_COMMITTED,
        /** The public set is of a newer run: this run publishes nothing. */
        SUPERSEDED
    }

    public record Result(Outcome outcome, String detail) {}

    private static final int MAX_ATTEMPTS = 5;

    private final Storage storage;
    private final PublicationLayout layout;
    private final RunListener listener;
    private final CommitHook hook;
    private final Clock clock;

    public RunCommit(Storage storage, PublicationLayout layout, RunListener listener, CommitHook hook, Clock clock) {
        this.storage = storage;
        this.layout = layout;
        this.listener = listener;
        this.hook = hook;
        this.clock = clock;
    }

    /** Stores the plan of a run unless one is there; returns the stored plan (the earlier one on a duplicate). */
    public RunPlan savePlan(RunPlan plan) throws IOException {
        String key = layout.planKey(plan.runId());
        if (storage.putIf(key, plan.toJson(), GeneratorRun.JSON_TYPE, Map.of("runId", plan.runId()), null)) return plan;
        return loadPlan(plan.runId());
    }

    /** The stored plan of a run, or null. */
    public RunPlan loadPlan(String runId) throws IOException {
        Storage.Versioned v = storage.read(layout.planKey(runId));
        return v == null ? null : RunPlan.parse(v.bytes(), storage.nameOf(layout.planKey(runId)));
    }

    /** Generators of the plan that have staged (their marker is there). */
    public Set<String> staged(RunPlan plan) throws IOException {
        Set<String> out = new HashSet<>();
        for (StoredObject o : storage.list(layout.stagingPrefix(plan.runId()))) {
            for (String g : plan.generators()) {
                if (o.key().equals(layout.stagedMarker(plan.runId(), g))) out.add(g);
            }
        }
        return out;
    }

    /** True once some generator of the run has claimed its commit. */
    public boolean claimed(String runId) throws IOException {
        return storage.exists(layout.commitMarker(runId));
    }

    /**
     * Commits the run if every generator of its plan has staged and no one else claimed it.
     *
     * @param claimant who asks (a generator's name, "cli"): a retry by the same claimant resumes its commit
     */
    public Result commitIfComplete(RunPlan plan, Snapshot snapshot, String claimant) throws IOException {
        long t0 = System.nanoTime();
        List<String> missing = new ArrayList<>(plan.generators());
        missing.removeAll(staged(plan));
        if (!missing.isEmpty()) return report(new Result(Outcome.WAITING, "waiting for " + missing), t0);

        String marker = layout.commitMarker(plan.runId());
        byte[] claim = ("{\"runId\":\"" + plan.runId() + "\",\"claimant\":\"" + claimant + "\",\"claimedAt\":\""
                + clock.instant() + "\"}").getBytes(StandardCharsets.UTF_8);
        boolean fresh = storage.putIf(marker, claim, GeneratorRun.JSON_TYPE, Map.of("runId", plan.runId()), null);
        if (!fresh) {
            Storage.Versioned held = storage.read(marker);
            String by = held == null ? "?" : claimantOf(held.bytes());
            if (!claimant.equals(by)) return report(new Result(Outcome.CLAIMED_BY_OTHER, "claimed by " + by), t0);
            listener.stage("commit", "resume", Map.of("runId", plan.runId(), "claimant", claimant), 0);
        }

        List<StagedSet> sets = new ArrayList<>();
        for (String g : plan.generators()) {
            String key = layout.stagedMarker(plan.runId(), g);
            Storage.Versioned v = storage.read(key);
            if (v == null) throw new IOException("staged marker vanished: " + storage.nameOf(key));
            sets.add(StagedSet.parse(v.bytes(), storage.nameOf(key)));
        }
        boolean copied = false;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Storage.Versioned current = storage.read(layout.manifestKey());
            Manifest published = current == null ? null : Manifest.parse(current.bytes(), storage.nameOf(layout.manifestKey()));
            // A fresh claim on a run the manifest already names is a rerun after a cut commit: it copies again.
            if (published != null && published.runId().equals(plan.runId()) && !fresh) {
                return report(new Result(Outcome.ALREADY_COMMITTED, "manifest names " + plan.runId()), t0);
            }
            if (published != null && !plan.isNewerThan(published.asOf(), published.snapshotPreparedAt())
                    && !sameData(plan, published)) {
                if (copied) restore(published);
                return report(new Result(Outcome.SUPERSEDED, "the public set is of run " + published.runId() + " (asOf "
                        + published.asOf() + "), newer than " + plan.runId() + " (asOf " + plan.asOf() + "): published nothing"), t0);
            }
            copyToPublic(plan.runId(), plan.generators());
            copied = true;
            Manifest manifest = Manifest.of(plan, snapshot, sets, layout, clock.instant());
            if (storage.putIf(layout.manifestKey(), manifest.json(), GeneratorRun.JSON_TYPE, Map.of("runId", plan.runId()),
                    current == null ? null : current.version())) {
                afterManifest(manifest);
                if (!layout.keepStaging()) removeStaging(plan.runId());
                return report(new Result(Outcome.COMMITTED, plan.generators().size() + " generator(s)"), t0);
            }
            listener.stage("commit", "raced", Map.of("runId", plan.runId(), "attempt", attempt), 0);
        }
        throw new IOException("the manifest " + storage.nameOf(layout.manifestKey()) + " kept changing during the commit of "
                + plan.runId() + " (" + MAX_ATTEMPTS + " attempts)");
    }

    /** The same as-of and the same data: a rerun, which may replace itself. */
    private static boolean sameData(RunPlan plan, Manifest m) {
        return plan.asOf().equals(m.asOf()) && plan.snapshotSha256().equals(m.snapshotSha256())
                && (m.snapshotPreparedAt() == null || !m.snapshotPreparedAt().isAfter(plan.preparedAt()));
    }

    private void copyToPublic(String runId, List<String> generators) throws IOException {
        boolean first = true;
        for (String g : generators) {
            for (String ext : PublicationLayout.EXTENSIONS) {
                long t = System.nanoTime();
                storage.copy(layout.stagedKey(runId, g, ext), layout.publicKey(g, ext));
                listener.stage("commit", "copied", Map.of("key", layout.publicKey(g, ext)), GeneratorRun.millis(t, System.nanoTime()));
                if (first) FaultPoints.reach(FaultPoints.MID_COMMIT);
                first = false;
            }
        }
    }

    /** Our copies may have overwritten the winner's files after it committed: put its files back. */
    private void restore(Manifest winner) throws IOException {
        if (!layout.keepStaging()) return;
        List<String> generators = winner.files().stream().map(Manifest.FileEntry::generator).toList();
        copyToPublic(winner.runId(), generators);
        listener.stage("commit", "restored", Map.of("runId", winner.runId(), "files", generators.size()), 0);
    }

    private void afterManifest(Manifest manifest) {
        try {
            hook.afterManifest(storage, layout, manifest);
        } catch (IOException | RuntimeException e) {
            listener.stage("commit", "hookFailed", Map.of("error", String.valueOf(e)), 0);
        }
    }

    private void removeStaging(String runId) throws IOException {
        for (StoredObject o : storage.list(layout.runPrefix(runId))) storage.delete(o.key());
    }

    private Result report(Result r, long t0) {
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("outcome", r.outcome().name());
        counts.put("detail", r.detail());
        listener.stage("commit", "commit", counts, GeneratorRun.millis(t0, System.nanoTime()));
        return r;
    }

    private static String claimantOf(byte[] marker) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(marker).path("claimant").asText("?");
        } catch (IOException e) {
            return "?";
        }
    }
}
