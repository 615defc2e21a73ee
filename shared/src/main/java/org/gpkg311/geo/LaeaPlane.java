package org.gpkg311.geo;

import java.util.List;
import org.gpkg311.model.District;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * "The LAEA plane" of the spec: Lambert azimuthal equal-area projection on the WGS84 ellipsoid, in metres, centred on
 * a lon/lat point (normally the centre of the districts' bounding box). Areas on the plane equal ellipsoidal areas,
 * so planar centroids, grids and hulls stay honest. Ellipsoidal oblique formulas of Snyder, "Map Projections: A
 * Working Manual" (USGS PP 1395, 1987), ch. 24, ellipsoidal oblique aspect (forward and inverse); proj4j's
 * {@code +proj=laea} serves as the independent oracle in the tests. Immutable and thread-safe.
 */
public final class LaeaPlane {

    /** WGS84 semi-major axis (m) and flattening. */
    static final double WGS84_A = 6378137.0;
    static final double WGS84_F = 1 / 298.257223563;

    private final double centreLon;
    private final double centreLat;
    private final double e2;
    private final double e;
    private final double qp;
    private final double rq;
    private final double d;
    private final double sinB1;
    private final double cosB1;
    private final double lon0;

    /** Ellipsoid given by semi-major axis a (m) and squared eccentricity e2; package-private for Snyder's worked example. */
    LaeaPlane(double centreLon, double centreLat, double a, double e2) {
        if (!(centreLat >= -90 && centreLat <= 90 && centreLon >= -180 && centreLon <= 180)) {
            throw new IllegalArgumentException("LAEA centre out of range: lon " + centreLon + ", lat " + centreLat);
        }
        this.centreLon = centreLon;
        this.centreLat = centreLat;
        this.e2 = e2;
        this.e = Math.sqrt(e2);
        this.lon0 = Math.toRadians(centreLon);
        double phi1 = Math.toRadians(centreLat);
        this.qp = q(Math.PI / 2);
        this.rq = a * Math.sqrt(qp / 2);
        double beta1 = Math.asin(clamp(q(phi1) / qp));
        this.sinB1 = Math.sin(beta1);
        this.cosB1 = Math.cos(beta1);
        double m1 = Math.cos(phi1) / Math.sqrt(1 - e2 * Math.sin(phi1) * Math.sin(phi1));
        this.d = a * m1 / (rq * cosB1);
    }

    /** The plane centred on the centre of a lon/lat bounding box. */
    public static LaeaPlane centredOn(Envelope lonLatBox) {
        if (lonLatBox == null || lonLatBox.isNull()) {
            throw new IllegalArgumentException("LAEA plane needs a non-empty lon/lat box");
        }
        return new LaeaPlane((lonLatBox.getMinX() + lonLatBox.getMaxX()) / 2,
                (lonLatBox.getMinY() + lonLatBox.getMaxY()) / 2, WGS84_A, WGS84_F * (2 - WGS84_F));
    }

    /** The plane of the spec: centred on the centre of the bounding box of all districts. */
    public static LaeaPlane forDistricts(List<District> districts) {
        Envelope box = new Envelope();
        for (District district : districts) {
            box.expandToInclude(district.geometry().getEnvelopeInternal());
        }
        return centredOn(box);
    }

    public double centreLon() {
        return centreLon;
    }

    public double centreLat() {
        return centreLat;
    }

    /** Plane coordinates (x east, y north, metres) of a lon/lat point. */
    public Coordinate project(double lon, double lat) {
        double[] xy = new double[2];
        forward(lon, lat, xy);
        return new Coordinate(xy[0], xy[1]);
    }

    /** Lon/lat (degrees) of a plane point. */
    public Coordinate inverse(double x, double y) {
        double[] ll = new double[2];
        backward(x, y, ll);
        return new Coordinate(ll[0], ll[1]);
    }

    /** A copy of a lon/lat geometry on the plane (SRID 0: the plane has no EPSG code). */
    public Geometry project(Geometry lonLat) {
        Geometry copy = lonLat.copy();
        copy.apply(new Transform(true));
        copy.setSRID(0);
        return copy;
    }

    /** A copy of a plane geometry back in lon/lat, SRID 4326. */
    public Geometry inverse(Geometry plane) {
        Geometry copy = plane.copy();
        copy.apply(new Transform(false));
        copy.setSRID(4326);
        return copy;
    }

    private void forward(double lonDeg, double latDeg, double[] out) {
        double phi = Math.toRadians(latDeg);
        double dLon = Math.IEEEremainder(Math.toRadians(lonDeg) - lon0, 2 * Math.PI);
        double beta = Math.asin(clamp(q(phi) / qp));
        double sinB = Math.sin(beta);
        double cosB = Math.cos(beta);
        double cosL = Math.cos(dLon);
        double denom = 1 + sinB1 * sinB + cosB1 * cosB * cosL;
        if (denom <= 1e-12) {
            throw new IllegalArgumentException("point is antipodal to the LAEA centre: lon " + lonDeg + ", lat " + latDeg);
        }
        double b = rq * Math.sqrt(2 / denom);
        out[0] = b * d * cosB * Math.sin(dLon);
        out[1] = (b / d) * (cosB1 * sinB - sinB1 * cosB * cosL);
    }

    private void backward(double x, double y, double[] out) {
        double rho = Math.hypot(x / d, d * y);
        if (rho == 0) {
            out[0] = centreLon;
            out[1] = centreLat;
            return;
        }
        double ce = 2 * Math.asin(clamp(rho / (2 * rq)));
        double sinCe = Math.sin(ce);
        double cosCe = Math.cos(ce);
        double q = qp * (cosCe * sinB1 + d * y * sinCe * cosB1 / rho);
        double lambda = lon0 + Math.atan2(x * sinCe, d * rho * cosB1 * cosCe - d * d * y * sinB1 * sinCe);
        out[0] = Math.toDegrees(Math.IEEEremainder(lambda, 2 * Math.PI));
        out[1] = Math.toDegrees(latitudeOfQ(q));
    }

    /** Snyder's q (authalic-latitude helper) as a function of geodetic latitude. */
    private double q(double phi) {
        double s = Math.sin(phi);
        double es = e * s;
        return (1 - e2) * (s / (1 - es * es) - (1 / (2 * e)) * Math.log((1 - es) / (1 + es)));
    }

    /** Geodetic latitude from q by Newton-like iteration (converges in a few steps away from the poles). */
    private double latitudeOfQ(double q) {
        if (Math.abs(Math.abs(q) - qp) < 1e-15) {
            return Math.copySign(Math.PI / 2, q);
        }
        double phi = Math.asin(clamp(q / 2));
        for (int i = 0; i < 30; i++) {
            double s = Math.sin(phi);
            double es = e * s;
            double oneMinus = 1 - es * es;
            double step = oneMinus * oneMinus / (2 * Math.cos(phi))
                    * (q / (1 - e2) - s / oneMinus + (1 / (2 * e)) * Math.log((1 - es) / (1 + es)));
            phi += step;
            if (Math.abs(step) < 1e-15) {
                break;
            }
        }
        return phi;
    }

    private static double clamp(double v) {
        return Math.max(-1, Math.min(1, v));
    }

    /** Rewrites every coordinate of a geometry in place, forwards or backwards. */
    private final class Transform implements CoordinateSequenceFilter {
        private final boolean forward;
        private final double[] buf = new double[2];

        Transform(boolean forward) {
            this.forward = forward;
        }

        @Override
        public void filter(CoordinateSequence seq, int i) {
            if (forward) {
                forward(seq.getX(i), seq.getY(i), buf);
            } else {
                backward(seq.getX(i), seq.getY(i), buf);
            }
            seq.setOrdinate(i, CoordinateSequence.X, buf[0]);
            seq.setOrdinate(i, CoordinateSequence.Y, buf[1]);
        }

        @Override
        public boolean isDone() {
            return false;
        }

        @Override
        public boolean isGeometryChanged() {
            return true;
        }
    }
}
