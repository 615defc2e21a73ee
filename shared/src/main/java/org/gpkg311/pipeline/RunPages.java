package org.gpkg311.pipeline;

/**
 * The run-level pages written at commit, right after the manifest, by the CLI and the Lambdas alike. None yet:
 * the delivery's index page plugs in here (one place for both entry points).
 */
public final class RunPages {

    private RunPages() {}

    public static CommitHook hook() {
        return CommitHook.NONE;
    }
}
