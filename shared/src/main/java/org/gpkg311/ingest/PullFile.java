package org.gpkg311.ingest;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

/**
 * The pull's one object, built page by page in a gzip temporary file: a single ArcGIS query document
 * {@code {"objectIdFieldName":…,"spatialReference":{"wkid":4326},"features":[…]}} that the raw reader
 * reads like any page. No {@code exceededTransferLimit}: it is complete. The SHA-256 is of the
 * uncompressed document, which holds nothing but the rows, so identical rows give an identical hash.
 */
final class PullFile implements AutoCloseable {

    private final Path file;
    private final MessageDigest sha;
    private final OutputStream out;
    private boolean any;
    private boolean finished;

    PullFile(Path dir, String objectIdField) throws IOException {
        Files.createDirectories(dir);
        this.file = Files.createTempFile(dir, "pull-", ".json.gz");
        try {
            this.sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        this.out = new DigestOutputStream(new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16), 1 << 16), sha);
        write("{\"objectIdFieldName\":" + quote(objectIdField)
                + ",\"geometryType\":\"esriGeometryPoint\",\"spatialReference\":{\"wkid\":4326,\"latestWkid\":4326},\"features\":[");
    }

    void append(QueryPage page) throws IOException {
        if (page.rows() == 0) return;
        if (any) out.write(',');
        out.write(page.features());
        any = true;
    }

    /** Closes the document; returns the hex SHA-256 of its uncompressed bytes. */
    String finish() throws IOException {
        write("]}");
        out.close();
        finished = true;
        return HexFormat.of().formatHex(sha.digest());
    }

    Path path() {
        return file;
    }

    private void write(String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Deletes the temporary file on every path. */
    @Override
    public void close() throws IOException {
        if (!finished) {
            try {
                out.close();
            } catch (IOException ignored) {
                // the file goes anyway
            }
        }
        Files.deleteIfExists(file);
    }
}
