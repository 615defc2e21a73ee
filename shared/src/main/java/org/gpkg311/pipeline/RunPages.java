package org.gpkg311.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import org.gpkg311.delivery.IndexPage;
import org.gpkg311.storage.Storage;

/**
 * The run-level pages written at commit, right after the manifest, by the CLI and the Lambdas alike: the
 * index page ({@code index.html} beside the manifest), rendered from the manifest and the files it names.
 */
public final class RunPages {

    public static final String INDEX_KEY = "index.html";
    public static final String HTML_TYPE = "text/html; charset=utf-8";

    private RunPages() {}

    public static CommitHook hook() {
        return RunPages::writeIndex;
    }

    private static void writeIndex(Storage storage, PublicationLayout layout, Manifest manifest) throws IOException {
        byte[] page;
        try {
            page = IndexPage.render(manifest.json(), key -> read(storage, layout.publicPrefix() + key));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        storage.put(layout.publicPrefix() + INDEX_KEY, page, HTML_TYPE, Map.of("runId", manifest.runId()));
    }

    /** The object's bytes, or null when it is missing (the page then says so instead of failing the commit). */
    private static byte[] read(Storage storage, String key) {
        try {
            if (!storage.exists(key)) return null;
            try (InputStream in = storage.open(key)) {
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + storage.nameOf(key) + " for the index page", e);
        }
    }
}
