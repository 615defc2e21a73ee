package org.gpkg311.functions;

import org.gpkg311.pipeline.RunIds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FunctionSettingsTest {

    @Test
    void defaultsAreTheBucketLayout() {
        FunctionSettings s = FunctionSettings.fromEnvironment(Map.of("GPKG311_LOCATION", "s3://nashville311-gis-analysis-data"));
        assertEquals("nashville", s.profile());
        assertEquals(List.of("raw/", "reference/", "runs/", "gpkg-public/"),
                List.of(s.rawPrefix(), s.referencePrefix(), s.runsPrefix(), s.publicPrefix()));
        assertEquals(Path.of("/tmp"), s.workRoot());
        assertNull(s.generatorName());
        assertEquals(Map.of(), s.generatorFunctions());
        assertNull(s.lambdaEndpoint());
    }

    @Test
    void readsFunctionsMapEndpointAndPrefixes() {
        FunctionSettings s = FunctionSettings.fromEnvironment(Map.of("GPKG311_LOCATION", "s3://b",
                "GENERATOR_FUNCTIONS", "{\"b\":\"fn-b:live\",\"a\":\"fn-a:live\"}", "AWS_ENDPOINT_URL_LAMBDA", "http://127.0.0.1:9001",
                "GPKG311_PUBLIC_PREFIX", "public", "GENERATOR_NAME", "trendDirection"));
        assertEquals(List.of("b", "a"), List.copyOf(s.generatorFunctions().keySet()), "declaration order kept");
        assertEquals(URI.create("http://127.0.0.1:9001"), s.lambdaEndpoint());
        assertEquals("public/", s.publicPrefix());
        assertEquals("trendDirection", s.generatorName());
    }

    @Test
    void missingLocationOrBadFunctionsMapFailAtInit() {
        assertThrows(IllegalStateException.class, () -> FunctionSettings.fromEnvironment(Map.of()));
        assertThrows(IllegalStateException.class,
                () -> FunctionSettings.fromEnvironment(Map.of("GPKG311_LOCATION", "s3://b", "GENERATOR_FUNCTIONS", "[1]")));
    }

    @Test
    void runIdsAreSafeKeySegments() {
        String id = "run-20251124T235959Z-0123456789ab";
        assertEquals(id, RunIds.requireValid(id));
        for (String bad : new String[] {"", "../x", "a/b", "-x", "x".repeat(101), "a b"}) {
            assertThrows(IllegalArgumentException.class, () -> RunIds.requireValid(bad), bad);
        }
    }
}
