package org.gpkg311.read;

import static org.gpkg311.testing.Fixtures.HUB_HEADER;
import static org.gpkg311.testing.Fixtures.gzip;
import static org.gpkg311.testing.Fixtures.utf8;
import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.List;

import org.gpkg311.profile.CityProfile;
import org.gpkg311.profile.Field;
import org.junit.jupiter.api.Test;

class RequestReaderTest {

    private final RequestReader reader = new RequestReader(CityProfile.nashville());

    private List<RawRow> read(String name, byte[] bytes) throws Exception {
        return reader.readAll(RawSource.of(name, bytes));
    }

    private static final String HUB_ROW = "1948982,Closed,Public Works WO,Dead Animal Pickup,Roadway,"
            + "09/10/2025 11:45:03 AM,09/10/2025 02:47:33 PM,Phone,\"1421 Rural Hill Rd, Antioch, TN 37013, USA\","
            + "ANTIOCH,8.0,37013,36.035978507533,-86.5852091275156";

    @Test
    void hubCsvMapsEveryCanonicalField() throws Exception {
        List<RawRow> rows = read("hub.csv", utf8(HUB_HEADER + "\n" + HUB_ROW + "\n"));
        assertEquals(1, rows.size());
        RawRow r = rows.get(0);
        assertEquals(2, r.line());
        assertEquals("1948982", r.text(Field.REQUEST_ID));
        assertEquals("Closed", r.text(Field.STATUS));
        assertEquals("Public Works WO", r.text(Field.REQUEST_TYPE));
        assertEquals("Dead Animal Pickup", r.text(Field.SUBREQUEST_TYPE));
        assertEquals("Roadway", r.text(Field.ADDITIONAL_SUBREQUEST_TYPE));
        assertEquals("09/10/2025 11:45:03 AM", r.text(Field.OPENED_AT));
        assertEquals("09/10/2025 02:47:33 PM", r.text(Field.CLOSED_AT));
        assertEquals("Phone", r.text(Field.ORIGIN));
        assertEquals("1421 Rural Hill Rd, Antioch, TN 37013, USA", r.text(Field.ADDRESS));
        assertEquals("ANTIOCH", r.text(Field.CITY));
        assertEquals("8.0", r.text(Field.DISTRICT));
        assertEquals("37013", r.text(Field.ZIP_CODE));
        assertEquals("36.035978507533", r.text(Field.LATITUDE));
        assertEquals("-86.5852091275156", r.text(Field.LONGITUDE));
    }

    @Test
    void legacySocrataHeadersMapToTheSameFields() throws Exception {
        String header = "Request #,Status,Request Type,Subrequest Type,Additional Subrequest Type,Date / Time Opened,"
                + "Date / Time Closed,Request Origin,System of Origin ID,Contact Type,Preferred Language,State Issue,"
                + "Parent Request,Closed When Created,Address,City,Council District,ZIP,Latitude,Longitude,Mapped Location";
        String row = "346122,Closed,COVID-19,COVID-19 Violations,COVID-19 Violations,2020-04-15 11:33:26,2020-04-16 14:55:01,"
                + "hubNashville Community,,,,False,,False,928 6th Ave S,NASHVILLE,17.0,37203,36.1490396,-86.77227289999998,"
                + "\"(36.1490396, -86.77227289999999)\"";
        RawRow r = read("socrata.csv", utf8(header + "\r\n" + row + "\r\n")).get(0);
        assertEquals("346122", r.text(Field.REQUEST_ID));
        assertEquals("2020-04-15 11:33:26", r.text(Field.OPENED_AT));
        assertEquals("2020-04-16 14:55:01", r.text(Field.CLOSED_AT));
        assertEquals("928 6th Ave S", r.text(Field.ADDRESS));
        assertEquals("17.0", r.text(Field.DISTRICT));
        assertEquals("-86.77227289999998", r.text(Field.LONGITUDE));
    }

    @Test
    void utf8BomBeforeTheHeaderIsSkipped() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = utf8(HUB_HEADER + "\n" + HUB_ROW + "\n");
        byte[] all = Arrays.copyOf(bom, bom.length + body.length);
        System.arraycopy(body, 0, all, bom.length, body.length);
        RawRow r = read("bom.csv", all).get(0);
        assertEquals("1948982", r.text(Field.REQUEST_ID));
    }

    @Test
    void gzipIsRecognisedByMagicBytesNotByName() throws Exception {
        byte[] csv = utf8(HUB_HEADER + "\n" + HUB_ROW + "\n" + HUB_ROW.replace("1948982", "1948983") + "\n");
        List<RawRow> zipped = read("export.csv", gzip(csv));        // gzip without .gz
        assertEquals(2, zipped.size());
        assertEquals("1948983", zipped.get(1).text(Field.REQUEST_ID));
        assertEquals(3, zipped.get(1).line());
        assertEquals(2, read("export.csv.gz", csv).size());          // .gz name, plain content
    }

    @Test
    void bareQuoteInsideAnUnquotedAddressDoesNotAbort() throws Exception {
        String row1 = "1,Closed,Public Safety,Noise,,09/10/2025 11:45:03 AM,,Phone,36°02'30.5\"N 86°39'19.6\"W,NASHVILLE,19,37203,36.16,-86.78";
        String row2 = "2,Closed,Public Safety,Noise,,09/10/2025 11:46:03 AM,,Phone,100 Broadway,NASHVILLE,19,37203,36.16,-86.78";
        List<RawRow> rows = read("quotes.csv", utf8(HUB_HEADER + "\n" + row1 + "\n" + row2 + "\n"));
        assertEquals(2, rows.size());
        assertEquals("36°02'30.5\"N 86°39'19.6\"W", rows.get(0).text(Field.ADDRESS));
        assertEquals("NASHVILLE", rows.get(0).text(Field.CITY));
        assertEquals("-86.78", rows.get(0).text(Field.LONGITUDE));
        assertEquals("100 Broadway", rows.get(1).text(Field.ADDRESS));
        assertEquals(3, rows.get(1).line());
    }

    @Test
    void arcgisQueryPageKeepsNumbersAsNumbers() throws Exception {
        String page = """
                {"objectIdFieldName":"OBJECTID","spatialReference":{"wkid":4326,"latestWkid":4326},
                 "fields":[{"name":"Request__","type":"esriFieldTypeString"}],
                 "features":[
                  {"attributes":{"OBJECTID":135128,"Status":"Closed","Request_Type":"Public_Works_WO",
                    "Subrequest_Type":"Dead Animal Pickup","Additional_Subrequest_Type":"Roadway","Council_District":8.0,
                    "Latitude":36.035978507533,"Longitude":-86.5852091275156,"Date_Time_Opened":1757504703000,
                    "Date_Time_Closed":1757515653000,"ZIP":"37013","Request__":"1948982"},
                   "geometry":{"x":-86.5852091275156,"y":36.035978507533}},
                  {"attributes":{"OBJECTID":186947,"Status":"New","Request_Type":"Public Safety","Council_District":28.0,
                    "Latitude":null,"Longitude":null,"Date_Time_Opened":1787639972000,"Date_Time_Closed":null,
                    "ZIP":"37013","Request__":"2270024"},
                   "geometry":{"x":-86.65544,"y":36.0546092}}
                 ],
                 "exceededTransferLimit":false}
                """;
        List<RawRow> rows = read("page-0.json", utf8(page));
        assertEquals(2, rows.size());
        RawRow a = rows.get(0);
        assertEquals(1, a.line());
        assertEquals(1757504703000L, a.value(Field.OPENED_AT));
        assertEquals(8.0, a.value(Field.DISTRICT));
        assertEquals("8", a.text(Field.DISTRICT));
        assertEquals(36.035978507533, a.value(Field.LATITUDE));
        assertEquals("Public_Works_WO", a.text(Field.REQUEST_TYPE));
        RawRow b = rows.get(1);
        assertEquals(2, b.line());
        assertNull(b.value(Field.CLOSED_AT));
        // null Latitude/Longitude attributes: the point geometry fills them
        assertEquals(-86.65544, b.value(Field.LONGITUDE));
        assertEquals(36.0546092, b.value(Field.LATITUDE));
    }

    @Test
    void arcgisWebMercatorGeometryIsConvertedToLonLat() throws Exception {
        // x, y of lon -86.78, lat 36.16 in EPSG:3857: x = R·λ, y = R·ln(tan(π/4 + φ/2)), R = 6378137 (values computed with Python math)
        String page = """
                {"spatialReference":{"wkid":102100,"latestWkid":3857},
                 "features":[{"attributes":{"Request__":"1","Date_Time_Opened":1757504703000},
                              "geometry":{"x":-9660305.41104028,"y":4322659.518005195}}]}""";
        RawRow r = read("mercator.json", utf8(page)).get(0);
        assertEquals(-86.78, (Double) r.value(Field.LONGITUDE), 1e-6);
        assertEquals(36.16, (Double) r.value(Field.LATITUDE), 1e-6);
    }

    // Web Mercator x, y of three points (lon, lat) = (-86.78, 36.16), (-86.65544, 36.0546092), (-86.5, 36.3):
    // x = R·λ, y = R·ln(tan(π/4 + φ/2)), R = 6378137, computed with Python math
    private static final String MERCATOR_FEATURES = """
            "features":[
             {"attributes":{"Request__":"1","Date_Time_Opened":1757504703000},"geometry":{"x":-9660305.41104028,"y":4322659.518005195}},
             {"attributes":{"Request__":"2","Date_Time_Opened":1757504704000},"geometry":{"x":-9646439.45526707,"y":4308138.117766929}},
             {"attributes":{"Request__":"3","Date_Time_Opened":1757504705000},"geometry":{"x":-9629135.953618163,"y":4341979.815756793}}]""";

    private static void assertMercatorPoints(List<RawRow> rows) {
        assertEquals(3, rows.size());
        double[][] expected = {{-86.78, 36.16}, {-86.65544, 36.0546092}, {-86.5, 36.3}};
        for (int i = 0; i < 3; i++) {
            assertEquals(String.valueOf(i + 1), rows.get(i).text(Field.REQUEST_ID), "document order is kept");
            assertEquals(expected[i][0], (Double) rows.get(i).value(Field.LONGITUDE), 1e-6);
            assertEquals(expected[i][1], (Double) rows.get(i).value(Field.LATITUDE), 1e-6);
        }
    }

    @Test
    void webMercatorSpatialReferenceAfterTheFeaturesStillApplies() throws Exception {
        String page = "{" + MERCATOR_FEATURES + ",\n \"spatialReference\":{\"wkid\":102100,\"latestWkid\":3857}}";
        assertMercatorPoints(read("mercator-last.json", utf8(page)));
    }

    @Test
    void spatialReferenceInsideEachGeometryApplies() throws Exception {
        String page = MERCATOR_FEATURES.replace("},\"geometry\":{", "},\"geometry\":{\"spatialReference\":{\"wkid\":3857},");
        assertMercatorPoints(read("mercator-geometry.json", utf8("{" + page + "}")));
    }

    @Test
    void rowsWithLatitudeAttributesAreNotHeldWhileTheReferenceIsUnknown() throws Exception {
        // the first row has Latitude/Longitude attributes and must reach the sink before the document ends
        // (the padding is larger than the reader's 64 KiB buffers, so "before the end" is observable)
        String page = """
                {"features":[{"attributes":{"Request__":"1","Date_Time_Opened":1757504703000,"Latitude":36.1,"Longitude":-86.7}}],
                 "spatialReference":{"wkid":3857}, "padding": [""" + "0,".repeat(200_000) + "0]}";
        List<String> seen = new java.util.ArrayList<>();
        var in = new java.io.ByteArrayInputStream(utf8(page)) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                int n = super.read(b, off, Math.min(len, 512));
                if (n > 0) seen.add("bytes:" + pos);
                return n;
            }
        };
        reader.read("stream.json", in, row -> seen.add("row:" + row.text(Field.REQUEST_ID)));
        int rowAt = seen.indexOf("row:1");
        assertTrue(rowAt > 0 && rowAt < seen.size() - 10, "row emitted while reading, not at the end: " + rowAt + "/" + seen.size());
    }

    @Test
    void unsupportedSpatialReferenceIsRefusedWhenAPointNeedsIt() {
        String page = "{\"spatialReference\":{\"wkid\":2274}," + MERCATOR_FEATURES + "}";
        InputFormatException e = broken("stateplane.json", utf8(page));
        assertTrue(e.getMessage().contains("wkid 2274"), e.getMessage());
        assertEquals("spatialReference", e.field());
    }

    @Test
    void pageCutAtTheTransferLimitIsRefused() {
        String page = "{\"exceededTransferLimit\":true," + MERCATOR_FEATURES + "}";
        InputFormatException e = broken("page-7.json", utf8(page));
        assertEquals("exceededTransferLimit", e.field());
        assertTrue(e.getMessage().contains("incomplete"), e.getMessage());
        // the flag after the features (and in the f=geojson form, under "properties") is refused as well
        assertEquals("exceededTransferLimit", broken("page-8.json",
                utf8("{" + MERCATOR_FEATURES + ",\"exceededTransferLimit\":true}")).field());
        String geojson = """
                {"type":"FeatureCollection","properties":{"exceededTransferLimit":true},"features":[
                 {"type":"Feature","properties":{"Request__":"1","Date_Time_Opened":1757504703000},
                  "geometry":{"type":"Point","coordinates":[-86.78,36.16]}}]}""";
        assertEquals("exceededTransferLimit", broken("page-9.geojson", utf8(geojson)).field());
    }

    @Test
    void geoJsonFeatureCollection() throws Exception {
        String gj = """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{"Request #":"77","Status":"Closed","Date /Time Opened":"2025-09-10T16:45:03Z",
                   "Council District":"19"},"geometry":{"type":"Point","coordinates":[-86.78,36.16]}},
                 {"type":"Feature","properties":{"Request #":"78","Date /Time Opened":"2025-09-10T16:46:03Z"},"geometry":null}
                ]}""";
        List<RawRow> rows = read("export.geojson", utf8(gj));
        assertEquals(2, rows.size());
        assertEquals("77", rows.get(0).text(Field.REQUEST_ID));
        assertEquals(-86.78, rows.get(0).value(Field.LONGITUDE));
        assertEquals(36.16, rows.get(0).value(Field.LATITUDE));
        assertEquals("19", rows.get(0).text(Field.DISTRICT));
        assertNull(rows.get(1).value(Field.LATITUDE));
    }

    @Test
    void socrataApiPageIsABareArrayOfRecords() throws Exception {
        // legacy SODA field names (research notes §1d); SODA returns numbers as text
        String soda = """
                [{"case_number":"346122","status":"Closed","case_request":"COVID-19","case_subrequest":"COVID-19 Violations",
                  "date_time_opened":"2022-01-01T03:30:00.000","incident_council_district":"17",
                  "latitude":"36.1490396","longitude":"-86.7722729",
                  "mapped_location":{"latitude":"36.1490396","longitude":"-86.7722729"}},
                 {"case_number":"346123","date_time_opened":"2022-01-01T04:00:00.000"}]""";
        List<RawRow> rows = read("7qhx-rexh.json", utf8(soda));
        assertEquals(2, rows.size());
        RawRow r = rows.get(0);
        assertEquals("346122", r.text(Field.REQUEST_ID));
        assertEquals("COVID-19", r.text(Field.REQUEST_TYPE));
        assertEquals("COVID-19 Violations", r.text(Field.SUBREQUEST_TYPE));
        assertEquals("2022-01-01T03:30:00.000", r.text(Field.OPENED_AT));
        assertEquals("17", r.text(Field.DISTRICT));
        assertEquals("36.1490396", r.text(Field.LATITUDE));
        assertEquals(2, rows.get(1).line());
    }

    @Test
    void emptyObjectHasNoRows() throws Exception {
        assertEquals(0, read("raw/311/", new byte[0]).size());
        assertEquals(0, read("header-only.csv", utf8(HUB_HEADER + "\n")).size());
    }

    // ---- broken files: one line naming file, line and field ----

    private InputFormatException broken(String name, byte[] bytes) {
        InputFormatException e = assertThrows(InputFormatException.class, () -> read(name, bytes));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().startsWith(name + ": line "), e.getMessage());
        return e;
    }

    @Test
    void csvWithoutOpenTimeColumnNamesFileLineAndField() {
        String header = HUB_HEADER.replace("Date /Time Opened", "Opened On");
        InputFormatException e = broken("raw/311/bad.csv", utf8(header + "\n" + HUB_ROW + "\n"));
        assertEquals(1, e.line());
        assertEquals("openedAt", e.field());
        assertTrue(e.getMessage().startsWith("raw/311/bad.csv: line 1, field openedAt: "), e.getMessage());
    }

    @Test
    void binaryGarbageGivesAShortOneLineMessage() {
        byte[] garbage = new byte[5000];
        new java.util.Random(7).nextBytes(garbage);
        garbage[0] = 'P';     // not gzip, not JSON: read as CSV
        garbage[1] = 'K';
        InputFormatException e = broken("raw/311/export.xlsx", garbage);
        assertEquals(1, e.line());
        assertEquals("requestId", e.field());
        assertTrue(e.getMessage().length() < 600, e.getMessage());
    }

    @Test
    void csvWithoutRequestIdColumnIsRefused() {
        String header = HUB_HEADER.replace("Request #", "Ticket");
        InputFormatException e = broken("noid.csv", utf8(header + "\n" + HUB_ROW + "\n"));
        assertEquals("requestId", e.field());
    }

    @Test
    void invalidJsonNamesLineAndField() {
        String page = "{\"features\":[\n{\"attributes\":{\"Request__\":\"1\",\"Date_Time_Opened\":1757504703000}},\n"
                + "{\"attributes\":{\"Request__\":\"2\",\"Date_Time_Opened\":17575047x}}\n]}";
        InputFormatException e = broken("page-3.json", utf8(page));
        assertEquals(3, e.line());
        assertEquals("Date_Time_Opened", e.field());
    }

    @Test
    void jsonWithoutFeaturesIsRefused() {
        InputFormatException e = broken("other.json", utf8("{\"type\":\"Topology\",\"objects\":{}}"));
        assertEquals("features", e.field());
    }

    @Test
    void arcgisErrorResponseIsRefused() {
        InputFormatException e = broken("page-9.json",
                utf8("{\"error\":{\"code\":400,\"message\":\"Invalid query parameters\",\"details\":[]}}"));
        assertTrue(e.getMessage().contains("400 Invalid query parameters"), e.getMessage());
    }

    @Test
    void jsonFeatureWithoutOpenTimeAttributeIsRefused() {
        InputFormatException e = broken("page-1.json",
                utf8("{\"features\":[{\"attributes\":{\"Request__\":\"1\",\"Opened\":1757504703000}}]}"));
        assertEquals("openedAt", e.field());
    }

    @Test
    void truncatedGzipNamesTheLineWhereItEnds() {
        StringBuilder csv = new StringBuilder(HUB_HEADER).append('\n');
        java.util.Random rnd = new java.util.Random(1);
        for (int i = 0; i < 5000; i++) {
            csv.append(HUB_ROW.replace("1948982", Integer.toString(1_000_000 + i))
                    .replace("Rural Hill", "Rural Hill " + rnd.nextInt(100000))).append('\n');
        }
        byte[] gz = gzip(utf8(csv.toString()));
        byte[] cut = Arrays.copyOf(gz, gz.length / 2);
        InputFormatException e = broken("raw/311/part.csv.gz", cut);
        assertTrue(e.line() > 2 && e.line() < 5002, "line " + e.line());
        assertTrue(e.getMessage().contains("truncated or corrupt compressed data"), e.getMessage());
    }
}
