package org.gpkg311.read;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

import org.gpkg311.profile.InputLimits;

/**
 * The decompressed bytes of one raw object, counted: more than {@link InputLimits#maxBytesPerObject()}, or (for gzip,
 * after {@link InputLimits#ratioCheckAfterBytes()}) more than {@link InputLimits#maxCompressionRatio()} bytes per
 * compressed byte, stops the read with an {@link InputLimitException} naming the object, the limit and the profile
 * field that raises it. Progress is reported every {@link #PROGRESS_STEP} bytes.
 */
final class BoundedInput extends FilterInputStream {

    static final long PROGRESS_STEP = 256L << 20;

    /** Counts the bytes taken from the stored object (compressed, for gzip). */
    static final class Counted extends FilterInputStream {
        private long count;

        Counted(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count++;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) count += n;
            return n;
        }

        long count() {
            return count;
        }
    }

    private final Counted stored;
    private final boolean compressed;
    private final InputLimits limits;
    private final String name;
    private final RequestReader.ProgressTracker tracker;
    private final ReadProgress progress;
    private long bytes;
    private long nextReport = PROGRESS_STEP;

    BoundedInput(InputStream decompressed, Counted stored, boolean compressed, InputLimits limits, String name,
                 RequestReader.ProgressTracker tracker, ReadProgress progress) {
        super(decompressed);
        this.stored = stored;
        this.compressed = compressed;
        this.limits = limits;
        this.name = name;
        this.tracker = tracker;
        this.progress = progress;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) count(1);
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) count(n);
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] sink = new byte[(int) Math.min(n, 8192)];
        long done = 0;
        int r;
        while (done < n && (r = read(sink, 0, (int) Math.min(sink.length, n - done))) > 0) done += r;
        return done;
    }

    private void count(int n) throws InputLimitException {
        bytes += n;
        if (bytes > limits.maxBytesPerObject()) {
            throw new InputLimitException(name, name + ": more than " + size(limits.maxBytesPerObject())
                    + " after decompression (at line " + tracker.nextLine() + "); if the object is real, raise "
                    + InputLimits.FIELD + ".maxBytesPerObject in the city profile");
        }
        if (compressed && bytes > limits.ratioCheckAfterBytes()
                && bytes > (double) limits.maxCompressionRatio() * Math.max(1, stored.count())) {
            throw new InputLimitException(name, name + ": inflates more than " + limits.maxCompressionRatio() + ":1 ("
                    + size(bytes) + " from " + size(stored.count()) + " compressed, at line " + tracker.nextLine()
                    + "); if the object is real, raise " + InputLimits.FIELD + ".maxCompressionRatio in the city profile");
        }
        if (bytes >= nextReport) {
            nextReport += PROGRESS_STEP;
            progress.reading(name, bytes, tracker.nextLine());
        }
    }

    /** 2147483648 → "2.0 GiB", 40960 → "40.0 KiB". */
    static String size(long b) {
        if (b >= 1L << 30) return String.format(Locale.ROOT, "%.1f GiB", b / (double) (1L << 30));
        if (b >= 1L << 20) return String.format(Locale.ROOT, "%.1f MiB", b / (double) (1L << 20));
        if (b >= 1L << 10) return String.format(Locale.ROOT, "%.1f KiB", b / (double) (1L << 10));
        return b + " bytes";
    }
}
