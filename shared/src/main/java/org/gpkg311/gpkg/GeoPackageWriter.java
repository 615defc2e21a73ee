package org.gpkg311.gpkg;

import static org.gpkg311.gpkg.GeoPackageSchema.GEOMETRY_COLUMN;
import static org.gpkg311.gpkg.GeoPackageSchema.ID_COLUMN;
import static org.gpkg311.gpkg.GeoPackageSchema.quote;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.gpkg311.provenance.Provenance;
import org.gpkg311.style.LayerStyle;
import org.gpkg311.table.Column;
import org.gpkg311.table.ColumnType;
import org.gpkg311.table.GeometryKind;
import org.gpkg311.table.Table;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Writes layers as a GeoPackage 1.2 file directly on sqlite-jdbc: core tables, one feature table per
 * spatial layer (integer key {@code fid}, geometry {@code geom}, typed columns) with an R-tree index,
 * attribute tables, aliases and descriptions in the schema extension, and the provenance both in the
 * metadata extension and in the {@code <generatorName>RunInfo} table.
 *
 * <p>Bulk load: one transaction, batched prepared statements, no rollback journal, a large page cache.
 * The R-tree is packed after the rows from the JTS envelopes ({@link RtreeBulkLoader}) and its triggers are
 * created last, so no trigger fires during the load (they need ST_* SQL functions that sqlite-jdbc lacks).
 * The file is built under a temporary name in the target folder and renamed when complete: an existing
 * file is only replaced by a finished one, and a failed write leaves nothing behind.
 */
public final class GeoPackageWriter {

    /** Rows per JDBC batch: large enough to amortise the JNI call, small enough to keep the batch light. */
    private static final int BATCH = 4096;
    /** 256 MiB page cache: at 1M points the R-tree and the table pages otherwise thrash the 2 MiB default. */
    private static final int CACHE_KIB = 262144;

    static final DateTimeFormatter DATETIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private GeoPackageWriter() {}

    /**
     * Writes {@code layers} plus the {@code <generatorName>RunInfo} table to {@code file}.
     * gpkg_contents.last_change is the provenance's {@code asOf} when present (so that a rerun gives identical
     * tables), else the current time.
     *
     * @throws IllegalArgumentException for input the file cannot hold (bad names, a geometry of the wrong type, …)
     * @throws IOException when the file cannot be written; the previous file, if any, is then left untouched
     */
    public static void write(Path file, String generatorName, List<Table> layers, Provenance provenance) throws IOException {
        write(file, generatorName, layers, provenance, List.of());
    }

    /**
     * As {@link #write(Path, String, List, Provenance)}, plus a QGIS {@code layer_styles} table holding
     * {@code styles} as the layers' default styles (none: no table).
     */
    public static void write(Path file, String generatorName, List<Table> layers, Provenance provenance, List<LayerStyle> styles)
            throws IOException {
        write(file, generatorName, layers, provenance, styles, null);
    }

    /**
     * As {@link #write(Path, String, List, Provenance, List)}; a layer that extends a base layer
     * ({@link Table#extending}) copies the base's rows and R-tree from {@code shared}'s file of that base
     * (written on first use) and binds only its own columns. {@code shared} null: every row is bound here.
     */
    public static void write(Path file, String generatorName, List<Table> layers, Provenance provenance, List<LayerStyle> styles,
                             SharedLayers shared) throws IOException {
        List<Table> tables = new ArrayList<>(layers);
        tables.add(RunInfoTable.of(generatorName, provenance));
        checkDeclarations(tables);
        String lastChange = DATETIME.format(lastChange(provenance));
        String metadata = ProvenanceDocument.of(generatorName, provenance);

        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path temp = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + temp)) {
                fill(c, tables, lastChange, metadata, styles, shared);
            }
            replace(temp, target);
        } catch (SQLException e) {
            deleteQuietly(temp);
            throw new IOException("writing GeoPackage " + target + ": " + e.getMessage(), e);
        } catch (IOException | RuntimeException | Error e) {
            deleteQuietly(temp);
            throw e;
        }
    }

    private static void fill(Connection c, List<Table> tables, String lastChange, String metadata, List<LayerStyle> styles,
                             SharedLayers shared) throws SQLException, IOException {
        bulkLoadPragmas(c);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA application_id = " + GeoPackageSchema.APPLICATION_ID);
            s.execute("PRAGMA user_version = " + GeoPackageSchema.USER_VERSION);
        }
        // Attached before the transaction starts (SQLite cannot attach inside one).
        Map<Table, String> baseSchemas = shared == null ? Map.of() : shared.attach(c, tables);
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            for (String ddl : GeoPackageSchema.coreTables()) s.execute(ddl);
            for (String ddl : GeoPackageSchema.schemaTables()) s.execute(ddl);
            for (String ddl : GeoPackageSchema.metadataTables()) s.execute(ddl);
        }
        try (PreparedStatement p = c.prepareStatement(GeoPackageSchema.SPATIAL_REF_SYS_ROWS)) {
            p.setString(1, GeoPackageSchema.WGS84_WKT);
            p.executeUpdate();
        }
        registerExtension(c, "gpkg_data_columns", null, "gpkg_schema", GeoPackageSchema.SCHEMA_DEFINITION, "read-write");
        registerExtension(c, "gpkg_data_column_constraints", null, "gpkg_schema", GeoPackageSchema.SCHEMA_DEFINITION, "read-write");
        registerExtension(c, "gpkg_metadata", null, "gpkg_metadata", GeoPackageSchema.METADATA_DEFINITION, "read-write");
        registerExtension(c, "gpkg_metadata_reference", null, "gpkg_metadata", GeoPackageSchema.METADATA_DEFINITION, "read-write");

        GeometryEncoder encoder = new GeometryEncoder();
        for (Table t : tables) {
            createTable(c, t);
            register(c, t, lastChange);
            boolean spatial = t.geometryKind() != GeometryKind.NONE;
            String baseSchema = t.base() == null ? null : baseSchemas.get(t.base());
            if (baseSchema == null) {
                insertRows(c, t, encoder);
                if (spatial) packIndex(c, t);
            } else {
                SharedLayers.copyRows(c, t, baseSchema);
                if (spatial) SharedLayers.copyIndex(c, t, baseSchema);
            }
            if (spatial) indexTriggers(c, t);
            describeColumns(c, t);
        }
        try (PreparedStatement md = c.prepareStatement(
                "INSERT INTO gpkg_metadata (id, md_scope, md_standard_uri, mime_type, metadata) VALUES (1, 'dataset', ?, ?, ?)");
             PreparedStatement ref = c.prepareStatement(
                     "INSERT INTO gpkg_metadata_reference (reference_scope, table_name, column_name, row_id_value, timestamp, md_file_id, md_parent_id)"
                             + " VALUES ('geopackage', NULL, NULL, NULL, ?, 1, NULL)")) {
            md.setString(1, ProvenanceDocument.STANDARD_URI);
            md.setString(2, ProvenanceDocument.MIME_TYPE);
            md.setString(3, metadata);
            md.executeUpdate();
            ref.setString(1, lastChange);
            ref.executeUpdate();
        }
        if (!styles.isEmpty()) LayerStylesTable.write(c, styles, lastChange);
        c.commit();
    }

    /** One transaction, no rollback journal (a failed write deletes the file), a large page cache. */
    static void bulkLoadPragmas(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode = OFF");
            s.execute("PRAGMA synchronous = OFF");
            s.execute("PRAGMA locking_mode = EXCLUSIVE");
            s.execute("PRAGMA temp_store = MEMORY");
            s.execute("PRAGMA cache_size = -" + CACHE_KIB);
        }
    }

    static void createTable(Connection c, Table t) throws SQLException {
        StringBuilder sql = new StringBuilder("CREATE TABLE ").append(quote(t.name())).append(" (")
                .append(quote(ID_COLUMN)).append(" INTEGER PRIMARY KEY NOT NULL");
        if (t.geometryKind() != GeometryKind.NONE) {
            sql.append(", ").append(quote(GEOMETRY_COLUMN)).append(' ').append(t.geometryKind().name());
        }
        for (Column col : t.columns()) sql.append(", ").append(quote(col.name())).append(' ').append(sqlType(col.type()));
        sql.append(')');
        try (Statement s = c.createStatement()) {
            s.execute(sql.toString());
        }
    }

    /** The SQL type a column is written with (MEDIUMINT for INTEGER: 32-bit). */
    public static String sqlType(ColumnType type) {
        return switch (type) {
            case INTEGER -> "MEDIUMINT";
            case BIG_INTEGER -> "INTEGER";
            case DATE -> "DATE";
            case REAL -> "REAL";
            case TEXT -> "TEXT";
            case DATETIME -> "DATETIME";
            case BOOLEAN -> "BOOLEAN";
        };
    }

    private static void register(Connection c, Table t, String lastChange) throws SQLException {
        boolean spatial = t.geometryKind() != GeometryKind.NONE;
        Envelope extent = Extents.of(t);
        try (PreparedStatement p = c.prepareStatement("INSERT INTO gpkg_contents (table_name, data_type, identifier, description,"
                + " last_change, min_x, min_y, max_x, max_y, srs_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            p.setString(1, t.name());
            p.setString(2, spatial ? "features" : "attributes");
            p.setString(3, t.name());
            p.setString(4, oneLine(t.description()));
            p.setString(5, lastChange);
            setDouble(p, 6, extent == null ? null : extent.getMinX());
            setDouble(p, 7, extent == null ? null : extent.getMinY());
            setDouble(p, 8, extent == null ? null : extent.getMaxX());
            setDouble(p, 9, extent == null ? null : extent.getMaxY());
            if (spatial) p.setInt(10, GeometryEncoder.SRS_ID); else p.setNull(10, Types.INTEGER);
            p.executeUpdate();
        }
        if (spatial) {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO gpkg_geometry_columns (table_name, column_name,"
                    + " geometry_type_name, srs_id, z, m) VALUES (?, ?, ?, ?, 0, 0)")) {
                p.setString(1, t.name());
                p.setString(2, GEOMETRY_COLUMN);
                p.setString(3, t.geometryKind().name());
                p.setInt(4, GeometryEncoder.SRS_ID);
                p.executeUpdate();
            }
        }
    }

    static void insertRows(Connection c, Table t, GeometryEncoder encoder) throws SQLException {
        boolean spatial = t.geometryKind() != GeometryKind.NONE;
        List<Column> columns = t.columns();
        ColumnType[] types = columns.stream().map(Column::type).toArray(ColumnType[]::new);
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(quote(t.name())).append(" (").append(quote(ID_COLUMN));
        StringBuilder marks = new StringBuilder("?");
        if (spatial) {
            sql.append(", ").append(quote(GEOMETRY_COLUMN));
            marks.append(", ?");
        }
        for (Column col : columns) {
            sql.append(", ").append(quote(col.name()));
            marks.append(", ?");
        }
        sql.append(") VALUES (").append(marks).append(')');
        int first = spatial ? 3 : 2;
        try (PreparedStatement p = c.prepareStatement(sql.toString())) {
            for (int r = 0; r < t.rowCount(); r++) {
                p.setLong(1, r + 1L);
                if (spatial) p.setBytes(2, encoder.encode(t.geometry(r), t.geometryKind(), t.name(), r));
                Object[] values = t.values(r);
                for (int i = 0; i < types.length; i++) bind(p, first + i, types[i], values[i]);
                p.addBatch();
                if ((r + 1) % BATCH == 0) p.executeBatch();
            }
            p.executeBatch();
        }
    }

    static void bind(PreparedStatement p, int index, ColumnType type, Object v) throws SQLException {
        if (v == null) {
            p.setNull(index, Types.NULL);
            return;
        }
        switch (type) {
            case INTEGER, BIG_INTEGER -> p.setLong(index, ((Number) v).longValue());
            case DATE -> p.setString(index, v.toString());
            case REAL -> p.setDouble(index, (Double) v);
            case TEXT -> p.setString(index, (String) v);
            case DATETIME -> p.setString(index, isoUtc((Instant) v));
            case BOOLEAN -> p.setInt(index, ((Boolean) v) ? 1 : 0);
        }
    }

    /** Creates the R-tree and packs it from the JTS envelopes (no per-row insert). */
    static void packIndex(Connection c, Table t) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(GeoPackageSchema.createRtree(t.name()));
        }
        int n = 0;
        for (int r = 0; r < t.rowCount(); r++) if (!t.geometry(r).isEmpty()) n++;
        RtreeBulkLoader.Entries entries = new RtreeBulkLoader.Entries(new long[n], new double[n], new double[n], new double[n], new double[n]);
        int i = 0;
        for (int r = 0; r < t.rowCount(); r++) {
            Geometry g = t.geometry(r);
            if (g.isEmpty()) continue;
            Envelope e = g.getEnvelopeInternal();
            entries.ids()[i] = r + 1L;
            entries.minX()[i] = e.getMinX();
            entries.maxX()[i] = e.getMaxX();
            entries.minY()[i] = e.getMinY();
            entries.maxY()[i] = e.getMaxY();
            i++;
        }
        RtreeBulkLoader.load(c, GeoPackageSchema.rtreeName(t.name()), entries);
    }

    /** The triggers of the standard that keep the R-tree in step with later edits, and the extension's row. */
    private static void indexTriggers(Connection c, Table t) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String trigger : GeoPackageSchema.rtreeTriggers(t.name())) s.execute(trigger);
        }
        registerExtension(c, t.name(), GEOMETRY_COLUMN, "gpkg_rtree_index", GeoPackageSchema.RTREE_DEFINITION, "write-only");
    }

    private static void describeColumns(Connection c, Table t) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO gpkg_data_columns (table_name, column_name, name, title,"
                + " description, mime_type, constraint_name) VALUES (?, ?, ?, ?, ?, NULL, NULL)")) {
            for (Column col : t.columns()) {
                p.setString(1, t.name());
                p.setString(2, col.name());
                p.setString(3, col.alias());
                p.setString(4, col.alias());
                p.setString(5, col.description());
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    private static void registerExtension(Connection c, String table, String column, String extension, String definition,
                                          String scope) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO gpkg_extensions (table_name, column_name, extension_name,"
                + " definition, scope) VALUES (?, ?, ?, ?, ?)")) {
            p.setString(1, table);
            p.setString(2, column);
            p.setString(3, extension);
            p.setString(4, definition);
            p.setString(5, scope);
            p.executeUpdate();
        }
    }

    /** Names, aliases and reserved words, checked before any file is touched. */
    static void checkDeclarations(List<Table> tables) {
        Set<String> tableNames = new HashSet<>();
        for (Table t : tables) {
            GeoPackageSchema.requirePlainName(t.name());
            String lower = t.name().toLowerCase(Locale.ROOT);
            if (lower.startsWith("gpkg_") || lower.startsWith("rtree_") || lower.startsWith("sqlite_")) {
                throw new IllegalArgumentException("table name " + t.name() + " uses a reserved prefix");
            }
            if (!tableNames.add(lower)) {
                throw new IllegalArgumentException("two tables named " + t.name() + " (SQLite names ignore case)");
            }
            Set<String> columnNames = new HashSet<>(Set.of(ID_COLUMN, GEOMETRY_COLUMN));
            Set<String> aliases = new HashSet<>();
            for (Column col : t.columns()) {
                if (!columnNames.add(col.name().toLowerCase(Locale.ROOT))) {
                    throw new IllegalArgumentException("table " + t.name() + ": column name " + col.name()
                            + " is reserved (fid, geom) or repeats another column ignoring case");
                }
                if (!aliases.add(col.alias())) {
                    throw new IllegalArgumentException("table " + t.name() + ": alias \"" + col.alias()
                            + "\" used by two columns (gpkg_data_columns needs one alias per column)");
                }
            }
        }
    }

    /** Provenance {@code asOf} (an instant, offset or zoned date-time, or a date at UTC midnight), else now. */
    static Instant lastChange(Provenance provenance) {
        String asOf = provenance.value("asOf");
        if (asOf == null || asOf.equals("NULL")) return Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try {
            return Instant.parse(asOf);
        } catch (DateTimeParseException notInstant) {
            try {
                return OffsetDateTime.parse(asOf).toInstant();
            } catch (DateTimeParseException notOffset) {
                try {
                    return ZonedDateTime.parse(asOf).toInstant();
                } catch (DateTimeParseException notZoned) {
                    try {
                        return LocalDate.parse(asOf).atStartOfDay(ZoneOffset.UTC).toInstant();
                    } catch (DateTimeParseException e) {
                        throw new IllegalArgumentException("provenance asOf is not a date-time: " + asOf, e);
                    }
                }
            }
        }
    }

    /** Same text as {@link #DATETIME}, without the formatter's per-call objects (it showed in profiles). */
    static String isoUtc(Instant t) {
        java.time.LocalDateTime d = java.time.LocalDateTime.ofEpochSecond(t.getEpochSecond(), t.getNano(), ZoneOffset.UTC);
        int year = d.getYear();
        if (year < 0 || year > 9999) return DATETIME.format(t);
        char[] c = "0000-00-00T00:00:00.000Z".toCharArray();
        digits(c, 0, year, 4);
        digits(c, 5, d.getMonthValue(), 2);
        digits(c, 8, d.getDayOfMonth(), 2);
        digits(c, 11, d.getHour(), 2);
        digits(c, 14, d.getMinute(), 2);
        digits(c, 17, d.getSecond(), 2);
        digits(c, 20, d.getNano() / 1_000_000, 3);
        return new String(c);
    }

    private static void digits(char[] c, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }

    private static void setDouble(PreparedStatement p, int index, Double v) throws SQLException {
        if (v == null) p.setNull(index, Types.DOUBLE); else p.setDouble(index, v);
    }

    private static void replace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path temp) {
        for (String suffix : List.of("", "-journal", "-wal", "-shm")) {
            try {
                Files.deleteIfExists(temp.resolveSibling(temp.getFileName() + suffix));
            } catch (IOException ignored) {
                // best effort: the original exception is the one that matters
            }
        }
    }
}
