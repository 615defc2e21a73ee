package org.gpkg311.gpkg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.gpkg311.table.Column;
import org.gpkg311.table.GeometryKind;
import org.gpkg311.table.Table;
import org.locationtech.jts.geom.Envelope;
import org.sqlite.SQLiteConfig;

/**
 * Reopens a written GeoPackage read-only and checks it against the layers it should hold, before the file
 * is published: header ids, SQLite integrity, and per layer its registration, columns, row count, geometry
 * type, exact extent and R-tree size.
 */
public final class GeoPackageCheck {

    private GeoPackageCheck() {}

    /** @throws GeoPackageCheckException listing every difference; IOException when the file cannot be read */
    public static void verify(Path file, List<Table> expected) throws IOException {
        if (!Files.isRegularFile(file)) throw new GeoPackageCheckException(file.toString(), List.of("no such file"));
        List<String> problems = new ArrayList<>();
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        try (Connection c = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
            int applicationId = intPragma(c, "application_id");
            if (applicationId != GeoPackageSchema.APPLICATION_ID) {
                problems.add(String.format("application_id is 0x%08X, expected 0x%08X ('GPKG')", applicationId, GeoPackageSchema.APPLICATION_ID));
            }
            int userVersion = intPragma(c, "user_version");
            if (userVersion != GeoPackageSchema.USER_VERSION) {
                problems.add("user_version is " + userVersion + ", expected " + GeoPackageSchema.USER_VERSION);
            }
            String integrity = stringPragma(c, "integrity_check");
            if (!"ok".equals(integrity)) problems.add("integrity_check: " + integrity);
            if (problems.isEmpty()) {
                for (Table t : expected) checkLayer(c, t, problems);
            }
        } catch (SQLException e) {
            throw new IOException("reading GeoPackage " + file + ": " + e.getMessage(), e);
        }
        if (!problems.isEmpty()) throw new GeoPackageCheckException(file.toString(), problems);
    }

    private static void checkLayer(Connection c, Table t, List<String> problems) throws SQLException {
        String name = t.name();
        boolean spatial = t.geometryKind() != GeometryKind.NONE;
        try (PreparedStatement p = c.prepareStatement(
                "SELECT data_type, min_x, min_y, max_x, max_y FROM gpkg_contents WHERE table_name = ?")) {
            p.setString(1, name);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) {
                    problems.add("layer " + name + " is not in gpkg_contents");
                    return;
                }
                String dataType = rs.getString(1);
                String expectedType = spatial ? "features" : "attributes";
                if (!expectedType.equals(dataType)) problems.add("layer " + name + " has data_type " + dataType + ", expected " + expectedType);
                Envelope extent = Extents.of(t);
                Double[] stored = {nullable(rs, 2), nullable(rs, 3), nullable(rs, 4), nullable(rs, 5)};
                Double[] wanted = extent == null ? new Double[4]
                        : new Double[] {extent.getMinX(), extent.getMinY(), extent.getMaxX(), extent.getMaxY()};
                if (spatial && !java.util.Arrays.equals(stored, wanted)) {
                    problems.add("layer " + name + " extent " + java.util.Arrays.toString(stored) + ", expected " + java.util.Arrays.toString(wanted));
                }
            }
        }
        Set<String> present = new HashSet<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA table_info(" + GeoPackageSchema.quote(name) + ")")) {
            while (rs.next()) present.add(rs.getString("name"));
        }
        for (Column col : t.columns()) {
            if (!present.contains(col.name())) problems.add("layer " + name + " has no column " + col.name());
        }
        long rows = count(c, "SELECT COUNT(*) FROM " + GeoPackageSchema.quote(name));
        if (rows != t.rowCount()) problems.add("layer " + name + " has " + rows + " rows, expected " + t.rowCount());
        if (!spatial) return;

        try (PreparedStatement p = c.prepareStatement(
                "SELECT geometry_type_name, srs_id FROM gpkg_geometry_columns WHERE table_name = ? AND column_name = ?")) {
            p.setString(1, name);
            p.setString(2, GeoPackageSchema.GEOMETRY_COLUMN);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) {
                    problems.add("layer " + name + " is not in gpkg_geometry_columns");
                } else {
                    if (!t.geometryKind().name().equals(rs.getString(1))) {
                        problems.add("layer " + name + " geometry type " + rs.getString(1) + ", expected " + t.geometryKind());
                    }
                    if (rs.getInt(2) != GeometryEncoder.SRS_ID) problems.add("layer " + name + " srs_id " + rs.getInt(2) + ", expected 4326");
                }
            }
        }
        long indexed = count(c, "SELECT COUNT(*) FROM " + GeoPackageSchema.quote(GeoPackageSchema.rtreeName(name)));
        long nonEmpty = 0;
        for (int r = 0; r < t.rowCount(); r++) if (!t.geometry(r).isEmpty()) nonEmpty++;
        if (indexed != nonEmpty) problems.add("layer " + name + " R-tree holds " + indexed + " entries, expected " + nonEmpty);
    }

    private static Double nullable(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static int intPragma(Connection c, String pragma) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + pragma)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static String stringPragma(Connection c, String pragma) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + pragma)) {
            StringBuilder all = new StringBuilder();
            while (rs.next()) all.append(all.isEmpty() ? "" : " | ").append(rs.getString(1));
            return all.toString();
        }
    }
}
