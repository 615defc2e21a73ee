package org.gpkg311.functions;

/** Starts one generator function without waiting for its result. */
@FunctionalInterface
public interface GeneratorInvoker {

    /** @throws RuntimeException when the invocation was not accepted */
    void invokeAsync(String functionName, byte[] payload);
}
