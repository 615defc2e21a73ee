package org.gpkg311.storage;

/**
 * Named points of a run where a fault test can stop the process: with the system property
 * {@code gpkg311.pauseAt} (or the environment variable {@code GPKG311_PAUSE_AT}) set to a point's name, the run
 * prints {@code gpkg311: paused at <name>} on stderr when it gets there and waits until it is killed. Unset
 * (always, outside tests) it costs one comparison. It lives in the lowest layer so that storage can name points too.
 */
public final class FaultPoints {

    /** A GeoPackage's temporary file is written in its target folder, not yet renamed (local storage). */
    public static final String MID_WRITE = "midWrite";
    /** After the snapshot, before any generator stages. */
    public static final String BEFORE_STAGING = "beforeStaging";
    /** A generator has staged its GeoPackage but not yet its summary and preview. */
    public static final String MID_STAGING = "midStaging";
    /** The committer has copied the first public file, not the others nor the manifest. */
    public static final String MID_COMMIT = "midCommit";

    private static final String PAUSE_AT = System.getProperty("gpkg311.pauseAt", System.getenv("GPKG311_PAUSE_AT"));

    private FaultPoints() {}

    public static void reach(String name) {
        if (PAUSE_AT == null || !PAUSE_AT.equals(name)) return;
        System.err.println("gpkg311: paused at " + name);
        System.err.flush();
        Object forever = new Object();
        synchronized (forever) {
            while (true) {
                try {
                    forever.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
