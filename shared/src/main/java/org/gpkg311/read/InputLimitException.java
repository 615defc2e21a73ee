package org.gpkg311.read;

/** A raw object exceeded one of the city profile's {@link org.gpkg311.profile.InputLimits}: bad input, exit 2. */
public class InputLimitException extends InputFormatException {

    InputLimitException(String source, String message) {
        super(source, message, null);
    }
}
