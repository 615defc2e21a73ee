package org.gpkg311.read;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import org.gpkg311.profile.CityProfile;

/**
 * Reads any supported raw 311 object, whatever its name: gzip is recognised by its magic bytes, then
 * Parquet by its magic, JSON (ArcGIS query page or GeoJSON) by a leading '{', else the portal CSV export. Rows are streamed to a
 * {@link RowSink}; a source that cannot be read at all throws {@link InputFormatException}.
 */
public final class RequestReader {

    private static final int GZIP_MAGIC_1 = 0x1f, GZIP_MAGIC_2 = 0x8b;
    private static final int BUFFER = 1 << 16;

    private final CityProfile profile;
    private final ReadProgress progress;

    /** A reader that reports long reads on stderr. */
    public RequestReader(CityProfile profile) {
        this(profile, ReadProgress.STDERR);
    }

    public RequestReader(CityProfile profile, ReadProgress progress) {
        this.profile = profile;
        this.progress = progress;
    }

    /** Reads every row of {@code source} into {@code sink}; returns the number of rows read. */
    public long read(RawSource source, RowSink sink) throws IOException {
        try (InputStream raw = source.open()) {
            return read(source.name(), raw, sink);
        }
    }

    public List<RawRow> readAll(RawSource source) throws IOException {
        List<RawRow> rows = new ArrayList<>();
        read(source, rows::add);
        return rows;
    }

    /** Reads an already opened stream (not closed here). */
    public long read(String name, InputStream raw, RowSink sink) throws IOException {
        ProgressTracker tracker = new ProgressTracker();
        try {
            InputStream in = bounded(name, raw, tracker);
            return switch (detect(in)) {
                case EMPTY -> 0;
                case JSON -> new JsonRequestReader(profile).read(name, in, sink, tracker);
                case CSV -> new CsvRequestReader(profile).read(name, in, sink, tracker);
                case PARQUET -> new ParquetRequestReader(profile).read(name, in, sink, tracker);
            };
        } catch (InputFormatException e) {
            throw e;
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof InputFormatException f) throw f; // e.g. a limit, wrapped by the CSV parser
            throw damaged(name, tracker, e.getCause());
        } catch (EOFException | ZipException e) {
            throw damaged(name, tracker, e);
        }
    }

    private static InputFormatException damaged(String name, ProgressTracker progress, IOException e) {
        String what = e instanceof EOFException || e instanceof ZipException
                ? "truncated or corrupt compressed data (" + e.getMessage() + ")"
                : "read failed (" + e.getMessage() + ")";
        return new InputFormatException(name, progress.nextLine(), progress.field(), what, e);
    }

    /**
     * The object's bytes, gunzipped when they start with the gzip magic (whatever the name), counted and bounded by
     * the profile's {@link org.gpkg311.profile.InputLimits}; the result supports mark.
     */
    private InputStream bounded(String name, InputStream raw, ProgressTracker tracker) throws IOException {
        BoundedInput.Counted stored = new BoundedInput.Counted(raw);
        BufferedInputStream in = new BufferedInputStream(stored, BUFFER);
        in.mark(2);
        int b1 = in.read(), b2 = in.read();
        in.reset();
        boolean gzip = b1 == GZIP_MAGIC_1 && b2 == GZIP_MAGIC_2;
        InputStream decompressed = gzip ? new GZIPInputStream(in, BUFFER) : in;
        return new BufferedInputStream(new BoundedInput(decompressed, stored, gzip, profile.inputLimits(), name,
                tracker, progress), BUFFER);
    }

    /** Peeks at the first non-blank character after an optional UTF-8 BOM; the stream must support mark. */
    static SourceFormat detect(InputStream in) throws IOException {
        in.mark(4096);
        try {
            if (Arrays.equals(in.readNBytes(4), ParquetRequestReader.MAGIC)) return SourceFormat.PARQUET;
            in.reset();
            int c, seen = 0;
            while ((c = in.read()) != -1 && seen++ < 4096) {
                if (c == 0xEF || c == 0xBB || c == 0xBF) continue; // UTF-8 BOM
                if (Character.isWhitespace(c)) continue;
                return c == '{' || c == '[' ? SourceFormat.JSON : SourceFormat.CSV;
            }
            return seen == 0 || c == -1 ? SourceFormat.EMPTY : SourceFormat.CSV;
        } finally {
            in.reset();
        }
    }

    /** Where a reader currently is, so that an exception from below can name the line. */
    static final class ProgressTracker {
        private long lastLine;
        private String field;

        void at(long line) {
            this.lastLine = line;
        }

        void field(String f) {
            this.field = f;
        }

        long nextLine() {
            return lastLine + 1;
        }

        String field() {
            return field;
        }
    }
}
