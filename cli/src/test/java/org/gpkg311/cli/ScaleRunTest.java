package org.gpkg311.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.gpkg311.generator.Generators;
import org.gpkg311.pipeline.WorkFolders;
import org.gpkg311.sample.SampleCity;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.extension.rtree.RTreeIndexExtension;

/**
 * The whole CLI job on a city four times the sample's size (200,000 requests in the window), in a child JVM
 * limited to 6 GB of heap the way issue 14 sizes it: every file is accepted by GDAL's validator and NGA's
 * reader with its R-trees, and every request layer holds the same points. Timings are in bench/scale.md;
 * it is part of the normal suite (`./gpkg311 test`, CI) and takes a few minutes on 2 cores.
 */
class ScaleRunTest {

    static final int REQUESTS = 200_000;
    static final Path DIR = Path.of("target", "scale-run").toAbsolutePath();

    @Test
    void twoHundredThousandRequestsGiveElevenValidFilesWithinSixGigabytes() throws Exception {
        WorkFolders.delete(DIR);
        Path sample = DIR.resolve("sample"), out = DIR.resolve("out"), log = DIR.resolve("generate.log");
        SampleCity.writeRequests(sample, SampleCity.DEFAULT_SEED, REQUESTS);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx6g", "-XX:+UseParallelGC", "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "generate", "--input", sample.toString(), "--output", out.toString(), "--work-dir", DIR.resolve("work").toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int exit = p.waitFor();
        assertEquals(0, exit, exit == 0 ? "" : "generate at " + REQUESTS + " requests:\n" + tail(log));

        ObjectMapper json = new ObjectMapper();
        long points = -1;
        for (String name : Generators.names()) {
            Path gpkg = out.resolve(name).resolve(name + ".gpkg");
            Gdal.Result v = Gdal.validate(gpkg);
            assertEquals(0, v.exit(), name + ": " + v.out() + v.err());
            assertFalse(v.out().toLowerCase(Locale.ROOT).contains("warning"), name + ": " + v.out());

            Gdal.Result info = Gdal.summary(gpkg);
            assertEquals(0, info.exit(), info.err());
            assertEquals(35, SampleCityEndToEndTest.featureCount(info.out(), name + "Districts"), name);
            long requests = SampleCityEndToEndTest.featureCount(info.out(), name + "Requests");
            JsonNode layer = json.readTree(out.resolve(name).resolve(name + ".json").toFile()).get("layers").get(1);
            assertEquals(layer.get("rowCount").asLong(), requests, name);
            if (points < 0) points = requests;
            assertEquals(points, requests, name + " maps the same located requests as the others");

            try (GeoPackage gp = GeoPackageManager.open(gpkg.toFile(), false)) {
                RTreeIndexExtension rtree = new RTreeIndexExtension(gp);
                for (String table : gp.getFeatureTables()) assertTrue(rtree.has(table), table + " has an R-tree");
                assertEquals(requests, gp.getFeatureDao(name + "Requests").count(), name);
            }
        }
        // the window holds the asked count within ~3% (SampleCityScaleTest); ~5% of its requests have no point
        assertTrue(points > 0.90 * REQUESTS && points < 1.0 * REQUESTS, "located requests: " + points);
        WorkFolders.delete(DIR);
    }

    private static String tail(Path log) throws java.io.IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
