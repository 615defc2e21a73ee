package org.gpkg311.pipeline;

import java.io.IOException;

import org.gpkg311.storage.Storage;

/**
 * Run-level pages written at commit right after the manifest (e.g. the delivery's index.html, rendered from
 * the manifest and the committed summaries and previews). Called by the one committer of a run only, after the
 * manifest is in place; keys it writes should sit under {@code layout.publicPrefix()}. A failure is logged by
 * the committer and does not undo the commit (the manifest is the source of truth).
 */
@FunctionalInterface
public interface CommitHook {

    /**
     * @param storage  the storage the run was committed to
     * @param layout   the publication layout ({@code layout.publicPrefix()} + a manifest key = a stored key)
     * @param manifest the manifest just written ({@link Manifest#json()} holds its exact bytes)
     */
    void afterManifest(Storage storage, PublicationLayout layout, Manifest manifest) throws IOException;

    CommitHook NONE = (storage, layout, manifest) -> { };
}
