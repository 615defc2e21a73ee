package org.gpkg311.functions;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Records the fan-out's outgoing asynchronous invocations ("function payload"), the one call that
 * leaves the process; everything the handlers do before it runs for real. The loopback tests make the
 * same invocations through the real Lambda client against the emulator.
 */
final class RecordingInvoker implements GeneratorInvoker {

    final List<String> invocations = new ArrayList<>();

    @Override
    public void invokeAsync(String functionName, byte[] payload) {
        invocations.add(functionName + " " + new String(payload, StandardCharsets.UTF_8));
    }
}
