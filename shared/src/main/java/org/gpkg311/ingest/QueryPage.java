package org.gpkg311.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One {@code f=json} query page, checked: its features re-serialised as comma-separated JSON (ready to
 * append to the pull's {@code features} array), how many, whether the server holds more, and the
 * object id and open-time range seen.
 *
 * @param features          the page's features, {@code {…},{…}} (empty when the page has none)
 * @param rows              the number of features
 * @param exceededTransferLimit the server's "there is more"
 * @param firstObjectId     object id of the first feature ({@link Long#MIN_VALUE} when none)
 * @param lastObjectId      object id of the last feature
 * @param openedMin         smallest open time, epoch ms ({@link Long#MAX_VALUE} when none has one)
 * @param openedMax         largest open time, epoch ms ({@link Long#MIN_VALUE} when none has one)
 */
record QueryPage(byte[] features, int rows, boolean exceededTransferLimit, long firstObjectId, long lastObjectId,
                 long openedMin, long openedMax) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFactory FACTORY = JSON.getFactory();

    /** Parses and checks a page asked for at most {@code asked} features in ascending object id order. */
    static QueryPage parse(byte[] body, int asked, String objectIdField, String openedField) throws BadAnswer {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length);
        int rows = 0;
        boolean exceeded = false, sawFeatures = false;
        long first = Long.MIN_VALUE, last = Long.MIN_VALUE, min = Long.MAX_VALUE, max = Long.MIN_VALUE;
        try (JsonParser p = FACTORY.createParser(body); JsonGenerator g = FACTORY.createGenerator(out)) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw new BadAnswer("the answer is not a JSON object", true);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken value = p.nextToken();
                switch (key) {
                    case "error" -> throw FeatureServerClient.errorBody(JSON.readTree(p));
                    case "exceededTransferLimit" -> exceeded = value == JsonToken.VALUE_TRUE;
                    case "features" -> {
                        if (value != JsonToken.START_ARRAY) throw new BadAnswer("'features' is not an array", true);
                        sawFeatures = true;
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            JsonNode f = JSON.readTree(p);
                            JsonNode attrs = f.get("attributes");
                            if (attrs == null || !attrs.isObject())
                                throw new BadAnswer("feature " + (rows + 1) + " has no 'attributes' object", true);
                            JsonNode id = attrs.get(objectIdField);
                            if (id == null || !id.canConvertToLong())
                                throw new BadAnswer("feature " + (rows + 1) + " has no numeric " + objectIdField, true);
                            long oid = id.asLong();
                            if (rows > 0 && oid <= last)
                                throw new BadAnswer(objectIdField + " " + oid + " after " + last + ": not in ascending order", true);
                            if (rows == 0) first = oid;
                            last = oid;
                            JsonNode opened = attrs.get(openedField);
                            if (opened != null && opened.canConvertToLong()) {
                                min = Math.min(min, opened.asLong());
                                max = Math.max(max, opened.asLong());
                            }
                            if (rows > 0) g.writeRaw(',');
                            JSON.writeTree(g, f);
                            rows++;
                        }
                        if (p.currentToken() != JsonToken.END_ARRAY)
                            throw new BadAnswer("'features' holds something other than objects", true);
                    }
                    default -> p.skipChildren();
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT) throw new BadAnswer("malformed JSON (the answer does not end)", true);
            if (p.nextToken() != null) throw new BadAnswer("malformed JSON (text after the answer)", true);
        } catch (IOException e) {
            throw new BadAnswer("malformed JSON (" + FeatureServerClient.firstLine(
                    e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()) + ")", true);
        }
        if (!sawFeatures) throw new BadAnswer("no 'features' array", true);
        if (rows > asked) throw new BadAnswer(rows + " features where at most " + asked + " were asked for", true);
        if (exceeded && rows == 0) throw new BadAnswer("no features but exceededTransferLimit is true", true);
        return new QueryPage(out.toByteArray(), rows, exceeded, first, last, min, max);
    }
}
