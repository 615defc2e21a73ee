package org.gpkg311.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import org.gpkg311.docs.ColumnTables;
import org.gpkg311.generator.RunContext;
import org.gpkg311.generator.RunSettings;
import org.gpkg311.generator.common.Binding;
import org.gpkg311.generator.common.BoundGenerator;
import org.gpkg311.generator.efficiency.ServiceEfficiencyMetrics;
import org.gpkg311.pipeline.GeneratorRun;
import org.gpkg311.pipeline.PublicationLayout;
import org.gpkg311.pipeline.Inputs;
import org.gpkg311.pipeline.Pipeline;
import org.gpkg311.pipeline.RunListener;
import org.gpkg311.profile.CityProfile;
import org.gpkg311.provenance.Provenance;
import org.gpkg311.snapshot.Snapshot;
import org.gpkg311.stats.Ranks;
import org.gpkg311.stats.Values;
import org.gpkg311.storage.LocalStorage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Adding a metric is one binding line plus its computation: a generator that exists only in the test
 * tree adds a closure share and its quartile, and both appear in the written file, in the column docs
 * and in the class-rule check, with nothing else to edit.
 */
class ExampleGeneratorTest {

    /** The computation: closed / requests per district, and its quartile class. */
    record Facts(Double[] closedShare, Integer[] closedShareQuartile) {
        static Facts of(ServiceEfficiencyMetrics m) {
            Double[] share = new Double[m.closedCount().length];
            for (int i = 0; i < share.length; i++) share[i] = Values.ratio(m.closedCount()[i], m.closedCount()[i] + m.openCount()[i]);
            return new Facts(share, Ranks.quartile(share));
        }
    }

    static final class ClosureExample extends BoundGenerator<Facts> {
        static final String NAME = "closureExample";

        // The binding lines: column, alias, description, value, and the class rule.
        static final List<Binding<Facts>> COLUMNS = List.of(
                Binding.real("closedShare", "Closed Share", "Closed requests / all requests of the district.", (f, i) -> f.closedShare()[i]),
                Binding.integer("closedShareQuartile", "Closed Share Quartile", "Quartile class of the closed share (4 = highest).",
                        (Facts f, int i) -> f.closedShareQuartile()[i]).classOf("closedShare", 4));

        ClosureExample() {
            super(NAME, "0", "Which districts have closed the largest share of their requests.", "closedShare", COLUMNS, List.of());
        }

        @Override
        protected Facts facts(RunContext context) {
            return Facts.of(context.get(ServiceEfficiencyMetrics.FACT));
        }

        @Override
        protected Provenance provenance(Facts f, RunContext context) {
            Provenance p = new Provenance();
            cuts(p, f, context, "closedShareQuartile");
            return p;
        }
    }

    @TempDir
    static Path dir;
    static Path file;
    static Snapshot snapshot;

    @BeforeAll
    static void run() throws Exception {
        SampleRun.ensure();
        CityProfile city = CityProfile.nashville();
        snapshot = Pipeline.prepare(Inputs.resolve(List.of(SampleRun.SAMPLE.toString()), null, city), city,
                null, Instant.now(), "example", RunListener.SILENT);
        PublicationLayout layout = PublicationLayout.folder();
        new GeneratorRun(new LocalStorage(dir.resolve("out")), layout, dir.resolve("work"), RunListener.SILENT)
                .run(new ClosureExample(), new RunContext(snapshot, RunSettings.defaults()));
        // the staged file: what the run's commit would publish
        file = dir.resolve("out").resolve(layout.stagedKey(snapshot.runId(), ClosureExample.NAME, PublicationLayout.GPKG));
    }

    @Test
    void theNewColumnsAreInTheFileWithTheirAliasesAndValues() throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = db.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT name FROM gpkg_data_columns WHERE table_name = 'closureExampleDistricts'"
                    + " AND column_name = 'closedShare'")) {
                assertTrue(rs.next());
                assertEquals("Closed Share", rs.getString(1));
            }
            // Counted here from the snapshot's requests, not by the metrics the generator reads.
            int n = snapshot.districts().size();
            int[] closed = new int[n], all = new int[n];
            for (int r = 0; r < snapshot.requests().size(); r++) {
                int d = snapshot.requestDistrictIndexes()[r];
                all[d]++;
                if (!snapshot.requests().get(r).open()) closed[d]++;
            }
            try (ResultSet rs = s.executeQuery("SELECT districtId, closedShare FROM closureExampleDistricts ORDER BY fid")) {
                int rows = 0;
                while (rs.next()) {
                    int d = snapshot.districtIndex(rs.getInt(1));
                    assertEquals((double) closed[d] / all[d], rs.getDouble(2), 1e-12, "district " + rs.getInt(1));
                    rows++;
                }
                assertEquals(n, rows);
            }
            try (ResultSet rs = s.executeQuery("SELECT value FROM closureExampleRunInfo WHERE key = 'closedShareQuartile.cuts'")) {
                assertTrue(rs.next(), "the cuts of the class column are in the provenance");
            }
            ClassColumnsTest.ClassColumn rule = ClassColumnsTest.classColumns(List.of(new ClosureExample())).get(0);
            assertEquals(new ClassColumnsTest.ClassColumn(ClosureExample.NAME, "closedShareQuartile", "closedShare", 4, null), rule);
            ClassColumnsTest.check(rule, db);
        }
    }

    @Test
    void theNewColumnsAreInTheColumnDocs() {
        String md = ColumnTables.markdown(List.of(new ClosureExample()));
        assertTrue(md.contains("| `closedShare` | REAL | Closed Share | Closed requests / all requests of the district. |"), md);
        assertTrue(md.contains("| `closedShareQuartile` | MEDIUMINT | Closed Share Quartile |"), md);
    }
}
