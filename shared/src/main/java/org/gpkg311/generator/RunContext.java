package org.gpkg311.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Function;

import org.gpkg311.snapshot.Snapshot;

/**
 * One run as the generators see it: the snapshot, the settings, and the facts computed from them
 * (efficiency, volatility, series, points), each computed once per run however many generators ask.
 * Generators of one run may ask from several threads at once; a fact asked twice is computed once.
 */
public final class RunContext {

    /**
     * A fact a generator can ask for, computed from the context (and from other facts it asks for).
     * Identity is the instance: declare each one once, as a constant.
     */
    public record Fact<T>(String name, Function<RunContext, T> compute) {
        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private final Snapshot snapshot;
    private final RunSettings settings;
    private final Map<Fact<?>, FutureTask<?>> memo = new ConcurrentHashMap<>();
    private final List<String> asked = new ArrayList<>();

    public RunContext(Snapshot snapshot, RunSettings settings) {
        this.snapshot = snapshot;
        this.settings = settings;
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    public RunSettings settings() {
        return settings;
    }

    /** The fact for this run: computed by the first caller, waited for by concurrent ones, then remembered. */
    @SuppressWarnings("unchecked")
    public <T> T get(Fact<T> fact) {
        FutureTask<T> task = new FutureTask<>(() -> fact.compute().apply(this));
        FutureTask<T> prior = (FutureTask<T>) memo.putIfAbsent(fact, task);
        if (prior == null) {
            synchronized (asked) {
                asked.add(fact.name());
            }
            task.run();
            prior = task;
        }
        try {
            return prior.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException("fact " + fact.name() + " failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for fact " + fact.name(), e);
        }
    }

    /** Names of the facts computed so far in this run, in the order they were first asked for. */
    public List<String> factsComputed() {
        synchronized (asked) {
            return List.copyOf(asked);
        }
    }
}
