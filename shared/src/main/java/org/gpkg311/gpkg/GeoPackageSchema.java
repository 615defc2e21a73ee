package org.gpkg311.gpkg;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The SQL text of GeoPackage 1.2: core tables (Annex C), the R-tree spatial index (Annex F.3, with the
 * update3 trigger as corrected in 1.2.1), the schema extension (F.9) and the metadata extension (F.8).
 */
final class GeoPackageSchema {

    static final int APPLICATION_ID = 0x47504B47; // "GPKG"
    static final int USER_VERSION = 10200;        // GeoPackage 1.2.0

    static final String GEOMETRY_COLUMN = "geom";
    static final String ID_COLUMN = "fid";

    static final String RTREE_DEFINITION = "http://www.geopackage.org/spec120/#extension_rtree";
    static final String SCHEMA_DEFINITION = "http://www.geopackage.org/spec120/#extension_schema";
    static final String METADATA_DEFINITION = "http://www.geopackage.org/spec120/#extension_metadata";

    /** EPSG:4326 as WKT 1, the text of the GeoPackage 1.2 standard's default gpkg_spatial_ref_sys row. */
    static final String WGS84_WKT = "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563,"
            + "AUTHORITY[\"EPSG\",\"7030\"]],AUTHORITY[\"EPSG\",\"6326\"]],PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],"
            + "UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],AUTHORITY[\"EPSG\",\"4326\"]]";

    /** Table names appear unquoted in the R-tree triggers (as in the standard's template), so keep them plain. */
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    private GeoPackageSchema() {}

    static List<String> coreTables() {
        return List.of("""
                CREATE TABLE gpkg_spatial_ref_sys (
                  srs_name TEXT NOT NULL,
                  srs_id INTEGER NOT NULL PRIMARY KEY,
                  organization TEXT NOT NULL,
                  organization_coordsys_id INTEGER NOT NULL,
                  definition  TEXT NOT NULL,
                  description TEXT
                )""", """
                CREATE TABLE gpkg_contents (
                  table_name TEXT NOT NULL PRIMARY KEY,
                  data_type TEXT NOT NULL,
                  identifier TEXT UNIQUE,
                  description TEXT DEFAULT '',
                  last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
                  min_x DOUBLE,
                  min_y DOUBLE,
                  max_x DOUBLE,
                  max_y DOUBLE,
                  srs_id INTEGER,
                  CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id)
                )""", """
                CREATE TABLE gpkg_geometry_columns (
                  table_name TEXT NOT NULL,
                  column_name TEXT NOT NULL,
                  geometry_type_name TEXT NOT NULL,
                  srs_id INTEGER NOT NULL,
                  z TINYINT NOT NULL,
                  m TINYINT NOT NULL,
                  CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
                  CONSTRAINT uk_gc_table_name UNIQUE (table_name),
                  CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
                  CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id)
                )""", """
                CREATE TABLE gpkg_extensions (
                  table_name TEXT,
                  column_name TEXT,
                  extension_name TEXT NOT NULL,
                  definition TEXT NOT NULL,
                  scope TEXT NOT NULL,
                  CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name)
                )""");
    }

    /** The three rows every GeoPackage needs (Requirement 11). */
    static final String SPATIAL_REF_SYS_ROWS = """
            INSERT INTO gpkg_spatial_ref_sys (srs_name, srs_id, organization, organization_coordsys_id, definition, description)
            VALUES ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system'),
                   ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system'),
                   ('WGS 84 geodetic', 4326, 'EPSG', 4326, ?, 'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid')""";

    /**
     * Schema extension tables. {@code name} is unique per table (the 1.2.1/1.3 definition): the 1.2.0 text made it
     * unique across the whole file, which would forbid the same alias ("District") in two layers.
     */
    static List<String> schemaTables() {
        return List.of("""
                CREATE TABLE gpkg_data_columns (
                  table_name TEXT NOT NULL,
                  column_name TEXT NOT NULL,
                  name TEXT,
                  title TEXT,
                  description TEXT,
                  mime_type TEXT,
                  constraint_name TEXT,
                  CONSTRAINT pk_gdc PRIMARY KEY (table_name, column_name),
                  CONSTRAINT gdc_tn UNIQUE (table_name, name),
                  CONSTRAINT fk_gdc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name)
                )""", """
                CREATE TABLE gpkg_data_column_constraints (
                  constraint_name TEXT NOT NULL,
                  constraint_type TEXT NOT NULL,
                  value TEXT,
                  min NUMERIC,
                  min_is_inclusive BOOLEAN,
                  max NUMERIC,
                  max_is_inclusive BOOLEAN,
                  description TEXT,
                  CONSTRAINT gdcc_ntv UNIQUE (constraint_name, constraint_type, value)
                )""");
    }

    static List<String> metadataTables() {
        return List.of("""
                CREATE TABLE gpkg_metadata (
                  id INTEGER CONSTRAINT m_pk PRIMARY KEY ASC NOT NULL,
                  md_scope TEXT NOT NULL DEFAULT 'dataset',
                  md_standard_uri TEXT NOT NULL,
                  mime_type TEXT NOT NULL DEFAULT 'text/xml',
                  metadata TEXT NOT NULL DEFAULT ''
                )""", """
                CREATE TABLE gpkg_metadata_reference (
                  reference_scope TEXT NOT NULL,
                  table_name TEXT,
                  column_name TEXT,
                  row_id_value INTEGER,
                  timestamp DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
                  md_file_id INTEGER NOT NULL,
                  md_parent_id INTEGER,
                  CONSTRAINT crmr_mfi_fk FOREIGN KEY (md_file_id) REFERENCES gpkg_metadata(id),
                  CONSTRAINT crmr_mpi_fk FOREIGN KEY (md_parent_id) REFERENCES gpkg_metadata(id)
                )""");
    }

    static String rtreeName(String table) {
        return "rtree_" + table + "_" + GEOMETRY_COLUMN;
    }

    static String createRtree(String table) {
        return "CREATE VIRTUAL TABLE \"" + rtreeName(table) + "\" USING rtree(id, minx, maxx, miny, maxy)";
    }

    /** The six triggers of Annex F.3, filled in with t = table, c = geom, i = fid. */
    static List<String> rtreeTriggers(String table) {
        List<String> templates = List.of("""
                CREATE TRIGGER rtree_<t>_<c>_insert AFTER INSERT ON <t>
                  WHEN (new.<c> NOT NULL AND NOT ST_IsEmpty(NEW.<c>))
                BEGIN
                  INSERT OR REPLACE INTO rtree_<t>_<c> VALUES (
                    NEW.<i>,
                    ST_MinX(NEW.<c>), ST_MaxX(NEW.<c>),
                    ST_MinY(NEW.<c>), ST_MaxY(NEW.<c>)
                  );
                END""", """
                CREATE TRIGGER rtree_<t>_<c>_update1 AFTER UPDATE OF <c> ON <t>
                  WHEN OLD.<i> = NEW.<i> AND
                       (NEW.<c> NOTNULL AND NOT ST_IsEmpty(NEW.<c>))
                BEGIN
                  INSERT OR REPLACE INTO rtree_<t>_<c> VALUES (
                    NEW.<i>,
                    ST_MinX(NEW.<c>), ST_MaxX(NEW.<c>),
                    ST_MinY(NEW.<c>), ST_MaxY(NEW.<c>)
                  );
                END""", """
                CREATE TRIGGER rtree_<t>_<c>_update2 AFTER UPDATE OF <c> ON <t>
                  WHEN OLD.<i> = NEW.<i> AND
                       (NEW.<c> ISNULL OR ST_IsEmpty(NEW.<c>))
                BEGIN
                  DELETE FROM rtree_<t>_<c> WHERE id = OLD.<i>;
                END""", """
                CREATE TRIGGER rtree_<t>_<c>_update3 AFTER UPDATE ON <t>
                  WHEN OLD.<i> != NEW.<i> AND
                       (NEW.<c> NOTNULL AND NOT ST_IsEmpty(NEW.<c>))
                BEGIN
                  DELETE FROM rtree_<t>_<c> WHERE id = OLD.<i>;
                  INSERT OR REPLACE INTO rtree_<t>_<c> VALUES (
                    NEW.<i>,
                    ST_MinX(NEW.<c>), ST_MaxX(NEW.<c>),
                    ST_MinY(NEW.<c>), ST_MaxY(NEW.<c>)
                  );
                END""", """
                CREATE TRIGGER rtree_<t>_<c>_update4 AFTER UPDATE ON <t>
                  WHEN OLD.<i> != NEW.<i> AND
                       (NEW.<c> ISNULL OR ST_IsEmpty(NEW.<c>))
                BEGIN
                  DELETE FROM rtree_<t>_<c> WHERE id IN (OLD.<i>, NEW.<i>);
                END""", """
                CREATE TRIGGER rtree_<t>_<c>_delete AFTER DELETE ON <t>
                  WHEN old.<c> NOT NULL
                BEGIN
                  DELETE FROM rtree_<t>_<c> WHERE id = OLD.<i>;
                END""");
        return templates.stream()
                .map(s -> s.replace("<t>", table).replace("<c>", GEOMETRY_COLUMN).replace("<i>", ID_COLUMN))
                .toList();
    }

    static void requirePlainName(String table) {
        if (!PLAIN_NAME.matcher(table).matches()) {
            throw new IllegalArgumentException("table name " + table + " must be letters, digits and _ (it appears unquoted in R-tree triggers)");
        }
    }

    /** An SQL identifier in double quotes. */
    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
