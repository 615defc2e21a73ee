package org.gpkg311.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class ProvenanceTest {

    @Test
    void mergeKeepsAnAgreeingKeyOnceAndAppendsNewOnes() {
        Provenance run = new Provenance().add("timeZone", "America/Chicago", "zone").add("runId", "r1", "id");
        Provenance generator = new Provenance().add("timeZone", "America/Chicago", "zone again").add("k", 3, "chosen k");
        run.merge(generator);
        assertEquals(List.of("timeZone", "runId", "k"), run.entries().stream().map(Provenance.Entry::key).toList());
        assertEquals("zone", run.entries().get(0).description(), "the run's entry wins");
    }

    @Test
    void mergeRefusesTwoValuesForOneKey() {
        Provenance run = new Provenance().add("timeZone", "America/Chicago", "zone");
        assertThrows(IllegalStateException.class, () -> run.merge(new Provenance().add("timeZone", "UTC", "zone")));
    }

    @Test
    void valuesAreFormattedForEveryReader() {
        Provenance p = new Provenance().add("a", 0.1 + 0.2, "").add("b", null, "").add("c", Double.NaN, "");
        assertEquals("0.30000000000000004", p.value("a"), "full precision");
        assertEquals("NULL", p.value("b"));
        assertEquals("NULL", p.value("c"));
    }
}
