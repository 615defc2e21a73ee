package org.gpkg311.gpkg;

import static org.gpkg311.gpkg.GeoPackageSchema.GEOMETRY_COLUMN;
import static org.gpkg311.gpkg.GeoPackageSchema.ID_COLUMN;
import static org.gpkg311.gpkg.GeoPackageSchema.quote;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.gpkg311.table.Column;
import org.gpkg311.table.Table;

/**
 * The base layers several files of one run extend ({@link Table#extending}), each written once to a plain
 * SQLite file (rows with their geometry blobs, and the packed R-tree) in a private folder. Writing a file,
 * {@link GeoPackageWriter} attaches that file and copies the base rows and R-tree in SQL, binding only the
 * file's own columns: the eleven request layers of a run share ~20 columns and 46,000 rows, and binding them
 * eleven times was a third of the run. Several threads may write at once; a base asked for twice is written
 * once. {@link #close} deletes the folder.
 */
public final class SharedLayers implements AutoCloseable {

    private final Path folder;
    private final Map<Table, FutureTask<Path>> files = new ConcurrentHashMap<>();
    private final AtomicInteger written = new AtomicInteger();

    /** Uses {@code folder} (created if missing) for the base files; {@link #close} removes it with them. */
    public SharedLayers(Path folder) throws IOException {
        this.folder = Files.createDirectories(folder);
    }

    /** The base file of {@code base}: written by the first caller, waited for by concurrent ones. */
    Path fileOf(Table base) throws IOException {
        FutureTask<Path> task = new FutureTask<>(() -> write(base));
        FutureTask<Path> prior = files.putIfAbsent(base, task);
        if (prior == null) {
            task.run();
            prior = task;
        }
        try {
            return prior.get();
        } catch (ExecutionException e) {
            // Every caller gets an exception of its own: the run collects them, and one object thrown by
            // several files could not be added to itself as suppressed.
            Throwable cause = e.getCause();
            if (cause instanceof Error err) throw err;
            if (cause instanceof RuntimeException) throw new IllegalStateException(cause.getMessage(), cause);
            throw new IOException(cause.getMessage(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the shared rows of " + base.name(), e);
        }
    }

    private Path write(Table base) throws IOException {
        Path file = folder.resolve(base.name() + "-" + written.incrementAndGet() + ".sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            GeoPackageWriter.bulkLoadPragmas(c);
            c.setAutoCommit(false);
            GeoPackageWriter.createTable(c, base);
            GeoPackageWriter.insertRows(c, base, new GeometryEncoder());
            GeoPackageWriter.packIndex(c, base);
            c.commit();
        } catch (SQLException e) {
            throw new IOException("writing the shared rows of " + base.name() + " to " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    /**
     * Attaches to {@code c} the base file of every table of {@code tables} that extends a base; returns the
     * schema name of each base. Read-only and without locks ({@code immutable}): the file no longer changes,
     * and the writer's exclusive locking mode would otherwise lock out the other threads reading it.
     */
    Map<Table, String> attach(Connection c, List<Table> tables) throws IOException, SQLException {
        Map<Table, String> schemas = new IdentityHashMap<>();
        for (Table t : tables) {
            Table base = t.base();
            if (base == null || schemas.containsKey(base)) continue;
            Path file = fileOf(base);
            String schema = "shared" + schemas.size();
            try (PreparedStatement p = c.prepareStatement("ATTACH DATABASE ? AS " + schema)) {
                p.setString(1, file.toAbsolutePath().toUri() + "?mode=ro&immutable=1");
                p.executeUpdate();
            }
            requireAttached(c, schema, file);
            schemas.put(base, schema);
        }
        return schemas;
    }

    /** A build of SQLite without URI names would attach a new empty file named "file:…": refuse that. */
    private static void requireAttached(Connection c, String schema, Path file) throws SQLException {
        String attached = null;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA database_list")) {
            while (rs.next()) if (schema.equals(rs.getString("name"))) attached = rs.getString("file");
        }
        if (attached == null || !Path.of(attached).toAbsolutePath().normalize().equals(file.toAbsolutePath().normalize())) {
            throw new SQLException("could not attach " + file + " read-only (attached: " + attached + "; does this SQLite take URI file names?)");
        }
    }

    /**
     * Fills {@code t} (created, empty) with its base's rows from {@code schema} and its own columns bound
     * from memory, joined on fid; the values and their storage classes are those a direct insert gives.
     */
    static void copyRows(Connection c, Table t, String schema) throws SQLException {
        Table base = t.base();
        List<Column> own = t.columns().subList(base.columns().size(), t.columns().size());
        String from = schema + "." + quote(base.name()) + " b";
        if (!own.isEmpty()) {
            from += " JOIN temp.own o ON o." + quote(ID_COLUMN) + " = b." + quote(ID_COLUMN);
            bindOwnColumns(c, t, own);
        }
        String baseNames = names(base.columns(), "b.");
        String select = "SELECT b." + quote(ID_COLUMN) + ", b." + quote(GEOMETRY_COLUMN) + ", " + baseNames
                + (own.isEmpty() ? "" : ", " + names(own, "o.")) + " FROM " + from + " ORDER BY b." + quote(ID_COLUMN);
        int copied;
        try (Statement s = c.createStatement()) {
            copied = s.executeUpdate("INSERT INTO " + quote(t.name()) + " (" + quote(ID_COLUMN) + ", " + quote(GEOMETRY_COLUMN)
                    + ", " + names(t.columns(), "") + ") " + select);
            if (!own.isEmpty()) s.execute("DROP TABLE temp.own");
        }
        if (copied != t.rowCount()) {
            throw new SQLException("layer " + t.name() + ": " + copied + " rows copied from " + base.name() + ", expected " + t.rowCount());
        }
    }

    private static void bindOwnColumns(Connection c, Table t, List<Column> own) throws SQLException {
        int first = t.base().columns().size();
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE own (" + quote(ID_COLUMN) + " INTEGER PRIMARY KEY, " + names(own, "") + ")");
        }
        StringBuilder marks = new StringBuilder("?");
        for (int i = 0; i < own.size(); i++) marks.append(", ?");
        try (PreparedStatement p = c.prepareStatement("INSERT INTO temp.own VALUES (" + marks + ")")) {
            for (int r = 0; r < t.rowCount(); r++) {
                p.setLong(1, r + 1L);
                Object[] values = t.values(r);
                for (int i = 0; i < own.size(); i++) GeoPackageWriter.bind(p, 2 + i, own.get(i).type(), values[first + i]);
                p.addBatch();
                if ((r + 1) % 4096 == 0) p.executeBatch();
            }
            p.executeBatch();
        }
    }

    /**
     * Fills {@code t}'s R-tree (created by this call) with a copy of the base's packed one: the same boxes
     * under the same ids, so the same tree. Falls back to packing it here when the node sizes differ.
     */
    static void copyIndex(Connection c, Table t, String schema) throws SQLException {
        String target = GeoPackageSchema.rtreeName(t.name());
        String source = schema + "." + quote(GeoPackageSchema.rtreeName(t.base().name()) + "_node");
        try (Statement s = c.createStatement()) {
            s.execute(GeoPackageSchema.createRtree(t.name()));
            if (rootSize(s, quote(target + "_node")) != rootSize(s, source)) {
                s.execute("DROP TABLE " + quote(target));
                GeoPackageWriter.packIndex(c, t);
                return;
            }
            Map<String, String> shadows = new LinkedHashMap<>();
            shadows.put("_node", "nodeno, data");
            shadows.put("_rowid", "rowid, nodeno");
            shadows.put("_parent", "nodeno, parentnode");
            s.execute("DELETE FROM " + quote(target + "_node"));
            for (var shadow : shadows.entrySet()) {
                s.execute("INSERT INTO " + quote(target + shadow.getKey()) + " (" + shadow.getValue() + ") SELECT " + shadow.getValue()
                        + " FROM " + schema + "." + quote(GeoPackageSchema.rtreeName(t.base().name()) + shadow.getKey()));
            }
        }
    }

    private static int rootSize(Statement s, String nodeTable) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT length(data) FROM " + nodeTable + " WHERE nodeno = 1")) {
            return rs.next() ? rs.getInt(1) : -1;
        }
    }

    private static String names(List<Column> columns, String prefix) {
        return columns.stream().map(col -> prefix + quote(col.name())).collect(Collectors.joining(", "));
    }

    /** Deletes the base files and the folder. */
    @Override
    public void close() throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path p : entries) Files.deleteIfExists(p);
        }
        Files.deleteIfExists(folder);
    }
}
