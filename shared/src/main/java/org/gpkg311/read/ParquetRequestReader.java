package org.gpkg311.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.hardwood.InputFile;
import dev.hardwood.metadata.LogicalType;
import dev.hardwood.metadata.PhysicalType;
import dev.hardwood.reader.ParquetFileReader;
import dev.hardwood.reader.RowReader;
import dev.hardwood.schema.ColumnProjection;
import dev.hardwood.schema.ColumnSchema;

import org.gpkg311.profile.CityProfile;
import org.gpkg311.profile.Field;
import org.gpkg311.profile.HeaderNames;

/**
 * The earlier pipeline's {@code processed-data/*.parquet}: one row per request, the FeatureServer field names as
 * columns (mapped through the profile's aliases like any header), dates as epoch milliseconds (int64, or float64
 * with NaN for "none"), {@code Council_District} as int, float (8.0) or text. Values go into {@link RawRow} as the
 * JSON reader gives them (Long, Double, String, Boolean), so the cleaning is the one every source shares. A NaN or
 * null cell is an absent value. Parquet's footer sits at the end of the file, so the object is read whole first.
 */
final class ParquetRequestReader {

    /** The first and last four bytes of every Parquet file. */
    static final byte[] MAGIC = {'P', 'A', 'R', '1'};

    /** hardwood logs its start-up choices (SIMD, codecs) at INFO to stderr, where the CLI prints its progress. */
    private static final java.util.logging.Logger HARDWOOD_LOG = java.util.logging.Logger.getLogger("dev.hardwood");

    static {
        HARDWOOD_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    private final CityProfile profile;

    ParquetRequestReader(CityProfile profile) {
        this.profile = profile;
    }

    long read(String name, InputStream in, RowSink sink, RequestReader.ProgressTracker progress) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(in.readAllBytes());
        long rows = 0;
        try (ParquetFileReader file = ParquetFileReader.open(InputFile.of(bytes))) {
            List<Column> columns = columns(name, file);
            String[] names = columns.stream().map(c -> c.name).toArray(String[]::new);
            try (RowReader r = file.buildRowReader().projection(ColumnProjection.columns(names)).build()) {
                while (r.hasNext()) {
                    r.next();
                    progress.at(rows);
                    rows++;
                    Map<Field, Object> values = new EnumMap<>(Field.class);
                    for (int i = 0; i < columns.size(); i++) {
                        Column c = columns.get(i);
                        progress.field(c.name);
                        if (r.isNull(c.name)) continue;
                        Object v = c.value(r);
                        if (v != null) values.put(c.field, v);
                    }
                    progress.field(null);
                    sink.accept(new RawRow(name, rows, values));
                }
            }
        } catch (InputFormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // hardwood reports a cut or damaged file as an IOException or an unchecked one (bad footer, bad page)
            throw new InputFormatException(name, progress.nextLine(), progress.field(),
                    "not a readable Parquet file (truncated or corrupt: " + e.getMessage() + ")", e);
        }
        return rows;
    }

    /** The columns the profile maps, in file order; the request id and open time must be among them. */
    private List<Column> columns(String name, ParquetFileReader file) throws InputFormatException {
        Map<String, ColumnSchema> byNormalised = new HashMap<>();
        List<String> all = new ArrayList<>();
        for (ColumnSchema c : file.getFileSchema().getColumns()) {
            if (c.maxRepetitionLevel() > 0 || c.maxDefinitionLevel() > 1) continue; // nested: never a 311 field
            byNormalised.putIfAbsent(HeaderNames.normalise(c.name()), c);
            all.add(c.name());
        }
        Map<Field, String> resolved = profile.resolveColumns(byNormalised.keySet());
        for (Field required : new Field[] {Field.REQUEST_ID, Field.OPENED_AT}) {
            if (!resolved.containsKey(required)) {
                throw new InputFormatException(name, 1, required.key(), "the Parquet file has no column for "
                        + required.key() + " (looked for " + profile.aliases(required) + "; columns: "
                        + InputFormatException.abbreviate(String.join(", ", all), 300) + ")");
            }
        }
        List<Column> out = new ArrayList<>();
        for (var e : resolved.entrySet()) {
            ColumnSchema c = byNormalised.get(e.getValue());
            out.add(new Column(c.name(), e.getKey(), kind(name, c, e.getKey())));
        }
        return out;
    }

    private static Kind kind(String name, ColumnSchema c, Field field) throws InputFormatException {
        PhysicalType t = c.type();
        LogicalType lt = c.logicalType();
        if (lt instanceof LogicalType.TimestampType) return Kind.TIMESTAMP;
        return switch (t) {
            case INT32 -> Kind.INT;
            case INT64 -> Kind.LONG;
            case FLOAT -> Kind.FLOAT;
            case DOUBLE -> Kind.DOUBLE;
            case BOOLEAN -> Kind.BOOLEAN;
            case BYTE_ARRAY -> Kind.STRING;
            default -> throw new InputFormatException(name, 1, field.key(), "column " + c.name()
                    + " has Parquet type " + t + (lt == null ? "" : " (" + lt + ")")
                    + ", expected a number, text or timestamp");
        };
    }

    private enum Kind { INT, LONG, FLOAT, DOUBLE, BOOLEAN, STRING, TIMESTAMP }

    private record Column(String name, Field field, Kind kind) {
        /** The cell as the cleaner takes it; NaN (pandas' "missing" in a float column) is no value. */
        Object value(RowReader r) {
            return switch (kind) {
                case INT -> (long) r.getInt(name);
                case LONG -> r.getLong(name);
                case FLOAT -> finite(r.getFloat(name));
                case DOUBLE -> finite(r.getDouble(name));
                case BOOLEAN -> r.getBoolean(name);
                case STRING -> r.getString(name);
                case TIMESTAMP -> r.getTimestamp(name).toEpochMilli();
            };
        }

        private static Double finite(double d) {
            return Double.isNaN(d) ? null : d;
        }
    }
}
