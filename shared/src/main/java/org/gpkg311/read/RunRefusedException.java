package org.gpkg311.read;

/**
 * The inputs could be read but would make a run that must not be published: no accepted request in the
 * window, districts that overlap, or districts that contain none of the points. It is bad input (the CLI exits
 * 2) and its message is one line saying what was found and what to check.
 */
public class RunRefusedException extends InputFormatException {

    /** @param source the object (or objects) concerned, for messages and logs */
    public RunRefusedException(String source, String message) {
        super(source, message, null);
    }
}
