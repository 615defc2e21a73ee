package org.gpkg311.functions;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Everything a handler reads from its environment, read once at init (before a SnapStart snapshot).
 *
 * <ul>
 * <li>{@code GPKG311_LOCATION}: the bucket (and optional prefix), e.g. {@code s3://nashville311-gis-analysis-data}; required</li>
 * <li>{@code GPKG311_PROFILE}: the city profile, "nashville" (default) or a storage key of a profile file</li>
 * <li>{@code GPKG311_RAW_PREFIX}, {@code GPKG311_REFERENCE_PREFIX}, {@code GPKG311_RUNS_PREFIX},
 *     {@code GPKG311_PUBLIC_PREFIX}: the layout (defaults raw/, reference/, runs/, gpkg-public/)</li>
 * <li>{@code GPKG311_WORK_DIR}: parent of the private work folders (default /tmp)</li>
 * <li>{@code GENERATOR_NAME}: the generator of a generator function</li>
 * <li>{@code GENERATOR_FUNCTIONS}: for fanOut, a JSON object generator name → function name or ARN</li>
 * <li>{@code GPKG311_LAMBDA_ENDPOINT} (or {@code AWS_ENDPOINT_URL_LAMBDA}): a Lambda API endpoint other than AWS's,
 *     e.g. the Runtime Interface Emulator on loopback</li>
 * </ul>
 */
public record FunctionSettings(String location, String profile, String rawPrefix, String referencePrefix,
                               String runsPrefix, String publicPrefix, Path workRoot, String generatorName,
                               Map<String, String> generatorFunctions, URI lambdaEndpoint) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public FunctionSettings {
        generatorFunctions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(generatorFunctions));
    }

    public static FunctionSettings fromEnvironment(Map<String, String> env) {
        String location = value(env, "GPKG311_LOCATION", null);
        if (location == null) throw new IllegalStateException("GPKG311_LOCATION is not set (e.g. s3://nashville311-gis-analysis-data)");
        String endpoint = value(env, "GPKG311_LAMBDA_ENDPOINT", value(env, "AWS_ENDPOINT_URL_LAMBDA", null));
        return new FunctionSettings(
                location,
                value(env, "GPKG311_PROFILE", "nashville"),
                prefix(value(env, "GPKG311_RAW_PREFIX", "raw/")),
                prefix(value(env, "GPKG311_REFERENCE_PREFIX", "reference/")),
                prefix(value(env, "GPKG311_RUNS_PREFIX", "runs/")),
                prefix(value(env, "GPKG311_PUBLIC_PREFIX", "gpkg-public/")),
                Path.of(value(env, "GPKG311_WORK_DIR", "/tmp")),
                value(env, "GENERATOR_NAME", null),
                functions(value(env, "GENERATOR_FUNCTIONS", null)),
                endpoint == null ? null : URI.create(endpoint));
    }

    static Map<String, String> functions(String json) {
        if (json == null) return Map.of();
        try {
            return JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() {});
        } catch (java.io.IOException e) {
            throw new IllegalStateException("GENERATOR_FUNCTIONS is not a JSON object of name -> function: " + e.getMessage(), e);
        }
    }

    private static String prefix(String p) {
        return p.isEmpty() || p.endsWith("/") ? p : p + "/";
    }

    private static String value(Map<String, String> env, String name, String fallback) {
        String v = env.get(name);
        return v == null || v.isBlank() ? fallback : v.strip();
    }
}
