package org.gpkg311.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RunProvenanceTest {

    @Test
    void reasonLabelsBecomeCamelCaseKeys() {
        assertEquals("openedInTheFuture", RunProvenance.key("opened in the future (after the run's clock)"));
        assertEquals("pointOutsideDistrictsKeptByDistrictField", RunProvenance.key("point outside districts, kept by district field"));
        assertEquals("missingRequestId", RunProvenance.key("missing request id"));
    }
}
