package org.gpkg311.ingest;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The sidecar of a pull ({@code raw/311/.pulls/<name>.meta.json}; the dot folder keeps it out of the
 * raw data): what was asked, what came back and when.
 *
 * @param formatVersion 1
 * @param profile       the city profile's name
 * @param service       the FeatureServer layer URL
 * @param where         the server-side filter sent with every page and the count
 * @param rows          features in the object, equal to the server's count for {@code where}
 * @param pages         query pages it took
 * @param pageSize      resultRecordCount asked per page (≤ the layer's maxRecordCount)
 * @param from          first UTC open date asked for
 * @param to            the UTC date of the as-of instant
 * @param asOf          the as-of instant the pull was made for
 * @param openedMin     earliest open time among the rows (ISO instant, null without rows)
 * @param openedMax     latest open time among the rows
 * @param pulledAt      when the pull started (ISO instant)
 * @param object        storage key of the data object
 * @param rowsSha256    SHA-256 of the uncompressed object: equal rows, equal hash
 */
public record PullRecord(int formatVersion, String profile, String service, String where, long rows, int pages,
                         int pageSize, String from, String to, String asOf, String openedMin, String openedMax,
                         String pulledAt, String object, String rowsSha256) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static PullRecord read(InputStream in) throws IOException {
        return JSON.readValue(in, PullRecord.class);
    }
}
