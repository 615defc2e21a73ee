package org.gpkg311.snapshot;

import java.util.function.Function;

/**
 * Remembers one derived value for the most recent snapshot instance, so that the generators of one run
 * share it instead of recomputing it. Holding only the last snapshot keeps memory flat across runs.
 */
public final class LastSnapshotMemo<T> {

    private record Entry<T>(Snapshot snapshot, T value) {}

    private final Function<Snapshot, T> compute;
    private volatile Entry<T> last;

    public LastSnapshotMemo(Function<Snapshot, T> compute) {
        this.compute = compute;
    }

    /** The value for {@code snapshot}: remembered when it is the same instance as last time, else computed. */
    public T of(Snapshot snapshot) {
        Entry<T> e = last;
        if (e != null && e.snapshot() == snapshot) return e.value();
        T value = compute.apply(snapshot);
        last = new Entry<>(snapshot, value);
        return value;
    }
}
