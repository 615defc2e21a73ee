package org.gpkg311.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.gpkg311.generator.efficiency.ServiceEfficiency;
import org.gpkg311.generator.efficiency.ServiceEfficiencyMetrics;
import org.gpkg311.generator.optimization.OptimizationOpportunities;
import org.gpkg311.generator.predictive.PredictiveHotspots;
import org.gpkg311.snapshot.Snapshot;
import org.gpkg311.spatial.SpatialFixture;
import org.junit.jupiter.api.Test;

/** The run context: facts computed once per run, shared by generators, and the dependencies it makes visible. */
class RunContextTest {

    static final Snapshot SNAPSHOT = SpatialFixture.snapshot();

    @Test
    void predictiveHotspotsDependsOnVolatilityEfficiencyTrendPeakHourAndServiceTypeFacts() {
        RunContext context = new RunContext(SNAPSHOT, RunSettings.defaults());
        new PredictiveHotspots().generate(context);
        assertEquals(Set.of("predictive", "series", "trend", "volatility", "peakHour", "efficiency", "requestCounts",
                "serviceTypes", "points"), Set.copyOf(context.factsComputed()));
    }

    @Test
    void serviceEfficiencyNeedsNoTimeSeriesAndNoPoints() {
        RunContext context = new RunContext(SNAPSHOT, RunSettings.defaults());
        new ServiceEfficiency().generate(context);
        assertEquals(List.of("efficiency", "requestCounts"), context.factsComputed());
    }

    @Test
    void generatorsOfOneRunShareTheFactsTheyBothNeed() {
        RunContext context = new RunContext(SNAPSHOT, RunSettings.defaults());
        new ServiceEfficiency().generate(context);
        ServiceEfficiencyMetrics first = context.get(ServiceEfficiencyMetrics.FACT);
        new OptimizationOpportunities().generate(context);
        assertSame(first, context.get(ServiceEfficiencyMetrics.FACT));
        assertEquals(List.of("efficiency", "requestCounts", "optimization", "volatility", "series"), context.factsComputed());
    }

    @Test
    void aFactAskedFromManyThreadsAtOnceIsComputedOnce() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        RunContext.Fact<Object> slow = new RunContext.Fact<>("slow", c -> {
            calls.incrementAndGet();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return new Object();
        });
        RunContext context = new RunContext(SNAPSHOT, RunSettings.defaults());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Object>> answers = List.of(0, 1, 2, 3).stream().map(i -> pool.submit(() -> {
                start.await();
                return context.get(slow);
            })).toList();
            start.countDown();
            Object one = answers.get(0).get();
            for (Future<Object> f : answers) assertSame(one, f.get());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, calls.get());
    }

    @Test
    void aFailedFactFailsEveryCallerWithItsOwnException() {
        RunContext.Fact<Object> broken = new RunContext.Fact<>("broken", c -> {
            throw new IllegalArgumentException("no districts");
        });
        RunContext context = new RunContext(SNAPSHOT, RunSettings.defaults());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> context.get(broken));
        assertEquals("no districts", e.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> context.get(broken)).getMessage().contains("no districts"));
    }
}
