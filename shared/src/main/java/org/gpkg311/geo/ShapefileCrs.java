package org.gpkg311.geo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * The coordinate system a shapefile's {@code .prj} (ESRI or OGC WKT 1) names, as a way to lon/lat. Two are known:
 * EPSG:4326 (WGS 84 degrees: nothing to do) and EPSG:2274 (NAD83 / Tennessee State Plane, US survey feet: Lambert
 * conformal conic, inverted through proj4j; NAD83 is taken as WGS 84, as GDAL's default transformation does).
 * A WKT is recognised by its content (datum, projection, parameters, unit), not by its name; anything else is
 * refused with the file named, since a guessed projection would silently move every district.
 */
final class ShapefileCrs {

    /** Turns x, y in the file's system into lon, lat degrees, in place. */
    interface ToLonLat {
        void apply(double[] xy);
    }

    static final ToLonLat IDENTITY = xy -> { };

    /** EPSG:2274 as PROJ defines it: 34°20′ origin, 36°25′ and 35°15′ parallels, −86° meridian, 600 000 m east. */
    private static final String EPSG_2274 = "+proj=lcc +lat_0=" + (34 + 20 / 60.0) + " +lon_0=-86 +lat_1="
            + (36 + 25 / 60.0) + " +lat_2=35.25 +x_0=600000 +y_0=0 +ellps=GRS80 +towgs84=0,0,0 +units=us-ft +no_defs";
    private static final double US_FOOT = 1200.0 / 3937.0;
    private static final String SUPPORTED = "EPSG:4326 (WGS 84 lon/lat) or EPSG:2274 (NAD83 / Tennessee State Plane,"
            + " US survey feet); reproject it first, e.g. ogr2ogr -t_srs EPSG:4326 out.shp in.shp";

    private ShapefileCrs() {
    }

    static ToLonLat of(byte[] prj, String prjName) {
        if (prj == null) {
            throw new IllegalArgumentException(prjName + ": missing, so the coordinate system of the shapefile is "
                    + "unknown; it must be " + SUPPORTED);
        }
        String wkt = new String(prj, StandardCharsets.UTF_8).strip();
        Node root;
        try {
            root = new Parser(wkt).node();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(prjName + ": not a WKT coordinate system (" + e.getMessage() + ")");
        }
        if (isWgs84Degrees(root)) return IDENTITY;
        if (isTennesseeStatePlaneFeet(root)) return stateplane();
        throw new IllegalArgumentException(prjName + ": coordinate system \"" + root.text(0)
                + "\" is not supported: a district shapefile must be in " + SUPPORTED);
    }

    private static boolean isWgs84Degrees(Node n) {
        if (!n.is("GEOGCS", "GEOGCRS")) return false;
        Node datum = n.child("DATUM");
        String d = datum == null ? "" : datum.text(0).toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        Node unit = n.child("UNIT", "ANGLEUNIT");
        return (d.equals("DWGS1984") || d.equals("WGS1984") || d.equals("WGS84") || d.equals("WORLDGEODETICSYSTEM1984"))
                && unit != null && Math.abs(unit.number(1) - Math.PI / 180) < 1e-12;
    }

    private static boolean isTennesseeStatePlaneFeet(Node n) {
        if (!n.is("PROJCS")) return false;
        Node geog = n.child("GEOGCS");
        Node datum = geog == null ? null : geog.child("DATUM");
        String d = datum == null ? "" : datum.text(0).toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        if (!d.equals("DNORTHAMERICAN1983") && !d.equals("NORTHAMERICANDATUM1983")) return false;
        Node projection = n.child("PROJECTION");
        String p = projection == null ? "" : projection.text(0).toUpperCase(Locale.ROOT);
        if (!p.equals("LAMBERT_CONFORMAL_CONIC") && !p.equals("LAMBERT_CONFORMAL_CONIC_2SP")) return false;
        Node unit = n.child("UNIT");
        if (unit == null || Math.abs(unit.number(1) / US_FOOT - 1) > 1e-9) return false;
        double sp1 = n.parameter("standard_parallel_1"), sp2 = n.parameter("standard_parallel_2");
        // ESRI names the false easting in the file's unit (1 968 500 US ft), as OGC WKT 1 does
        return near(Math.max(sp1, sp2), 36 + 25 / 60.0) && near(Math.min(sp1, sp2), 35.25)
                && near(n.parameter("central_meridian"), -86)
                && near(n.parameter("latitude_of_origin"), 34 + 20 / 60.0)
                && Math.abs(n.parameter("false_easting") * US_FOOT - 600000) < 0.01
                && Math.abs(n.parameter("false_northing")) < 0.01;
    }

    private static boolean near(double a, double b) {
        return Math.abs(a - b) < 1e-9 * 100; // WKT writers print 13–15 digits
    }

    private static ToLonLat stateplane() {
        CRSFactory crs = new CRSFactory();
        CoordinateReferenceSystem source = crs.createFromParameters("EPSG:2274", EPSG_2274);
        // the same datum on both sides: only the inverse projection runs, NAD83 degrees are then read as WGS 84
        CoordinateReferenceSystem target = crs.createFromParameters("NAD83", "+proj=longlat +ellps=GRS80"
                + " +towgs84=0,0,0 +no_defs");
        CoordinateTransform t = new CoordinateTransformFactory().createTransform(source, target);
        return xy -> {
            ProjCoordinate in = new ProjCoordinate(), out = new ProjCoordinate();
            for (int i = 0; i < xy.length; i += 2) {
                in.x = xy[i];
                in.y = xy[i + 1];
                t.transform(in, out);
                xy[i] = out.x;
                xy[i + 1] = out.y;
            }
        };
    }

    /** A WKT keyword with its bracketed values: quoted texts, numbers, bare words and nested nodes. */
    private record Node(String keyword, List<Object> values) {
        boolean is(String... keywords) {
            for (String k : keywords) if (keyword.equalsIgnoreCase(k)) return true;
            return false;
        }

        Node child(String... keywords) {
            for (Object v : values) if (v instanceof Node c && c.is(keywords)) return c;
            return null;
        }

        String text(int i) {
            return i < values.size() && values.get(i) instanceof String s ? s : "";
        }

        double number(int i) {
            return i < values.size() && values.get(i) instanceof Double d ? d : Double.NaN;
        }

        double parameter(String name) {
            for (Object v : values) {
                if (v instanceof Node c && c.is("PARAMETER") && c.text(0).equalsIgnoreCase(name)) return c.number(1);
            }
            return Double.NaN;
        }
    }

    private static final class Parser {
        private final String s;
        private int at;

        Parser(String s) {
            this.s = s;
        }

        Node node() {
            skipSpace();
            int start = at;
            while (at < s.length() && (Character.isLetterOrDigit(s.charAt(at)) || s.charAt(at) == '_')) at++;
            String keyword = s.substring(start, at);
            skipSpace();
            if (keyword.isEmpty() || at >= s.length() || (s.charAt(at) != '[' && s.charAt(at) != '(')) {
                throw new IllegalArgumentException("expected KEYWORD[ at character " + at);
            }
            char close = s.charAt(at) == '[' ? ']' : ')';
            at++;
            List<Object> values = new ArrayList<>();
            while (true) {
                skipSpace();
                if (at >= s.length()) throw new IllegalArgumentException("unclosed " + keyword);
                char c = s.charAt(at);
                if (c == close) {
                    at++;
                    return new Node(keyword, values);
                }
                if (c == ',') {
                    at++;
                    continue;
                }
                if (c == '"') {
                    int end = s.indexOf('"', at + 1);
                    if (end < 0) throw new IllegalArgumentException("unclosed quote");
                    values.add(s.substring(at + 1, end));
                    at = end + 1;
                } else if (c == '-' || c == '+' || c == '.' || Character.isDigit(c)) {
                    int start2 = at;
                    while (at < s.length() && "+-.eE0123456789".indexOf(s.charAt(at)) >= 0) at++;
                    values.add(Double.parseDouble(s.substring(start2, at)));
                } else {
                    int save = at;
                    while (at < s.length() && (Character.isLetterOrDigit(s.charAt(at)) || s.charAt(at) == '_')) at++;
                    skipSpace();
                    if (at < s.length() && (s.charAt(at) == '[' || s.charAt(at) == '(')) {
                        at = save;
                        values.add(node());
                    } else {
                        values.add(s.substring(save, at).strip()); // a bare word such as AXIS["X",EAST]
                    }
                }
            }
        }

        private void skipSpace() {
            while (at < s.length() && Character.isWhitespace(s.charAt(at))) at++;
        }
    }
}
