package org.gpkg311.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

import org.gpkg311.geo.DistrictIndex;
import org.gpkg311.model.District;
import org.locationtech.jts.geom.Envelope;

/**
 * The sample city's districts: a lognormal volume weight (downtown District 19 three times busier), a
 * response-speed factor, a postal city and ZIP, and a pool of recurring addresses; points are drawn
 * uniformly inside a district's polygon by rejection sampling within its envelope.
 */
final class SampleDistricts {

    static final int DOWNTOWN = 19;
    private static final int ADDRESS_POOL = 60;

    record Place(String address, double lon, double lat) {}

    /**
     * @param corridor two points {lon, lat} inside the district: the street along which requests gather
     * @param blocks   the planted hot blocks' centres {lon, lat} on the corridor (none outside
     *                 {@link PlantedStructure#HOT_BLOCKS})
     * @param blockShare the share of the district's located requests that fall in its blocks
     */
    record Info(District district, double weight, double responseFactor, String city, String zip, List<Place> pool,
                double[][] corridor, double[][] blocks, double blockShare) {}

    private static final String[] STREETS = {
            "Broadway", "Church St", "Charlotte Ave", "West End Ave", "Gallatin Pike", "Nolensville Pike",
            "Murfreesboro Pike", "Dickerson Pike", "Lebanon Pike", "Hillsboro Pike", "Clarksville Pike", "Jefferson St",
            "Rural Hill Rd", "Bell Rd", "Old Hickory Blvd", "Harding Pl", "Trinity Ln", "Shelby Ave", "Rosa L Parks Blvd",
            "Belmont Blvd", "12th Ave S", "8th Ave S", "Edmondson Pike", "Antioch Pike", "Whites Creek Pike",
            "Briley Pkwy", "Donelson Pike", "McGavock Pike", "Thompson Ln", "Woodland St", "Main St", "Elm Hill Pike",
            "Charlotte Pike", "River Rd", "Lickton Pike", "Bordeaux Hills Dr", "Cane Ridge Rd", "Blue Hole Rd"};

    // Postal cities of Davidson County by district (the City column is upper case in the export).
    private static String cityOf(int id) {
        return switch (id) {
            case 3, 10 -> "GOODLETTSVILLE";
            case 8, 9 -> "MADISON";
            case 11 -> "OLD HICKORY";
            case 12, 14 -> "HERMITAGE";
            case 28, 29, 30, 31, 32, 33 -> "ANTIOCH";
            case 34 -> "BRENTWOOD";
            default -> "NASHVILLE";
        };
    }

    private static final String[] NASHVILLE_ZIPS = {"37201", "37203", "37204", "37205", "37206", "37207", "37208",
            "37209", "37210", "37211", "37212", "37214", "37215", "37216", "37217", "37218", "37219", "37220", "37221"};

    private static String zipOf(int id, String city) {
        return switch (city) {
            case "GOODLETTSVILLE" -> "37072";
            case "MADISON" -> "37115";
            case "OLD HICKORY" -> "37138";
            case "HERMITAGE" -> "37076";
            case "ANTIOCH" -> "37013";
            case "BRENTWOOD" -> "37027";
            default -> NASHVILLE_ZIPS[(id * 7) % NASHVILLE_ZIPS.length];
        };
    }

    private final List<Info> infos = new ArrayList<>();
    private final double[] cumulative;
    private final DistrictIndex index;

    SampleDistricts(List<District> districts, RandomGenerator rnd) {
        this.index = new DistrictIndex(districts);
        double[] w = new double[districts.size()];
        for (int i = 0; i < districts.size(); i++) {
            District d = districts.get(i);
            double weight = Weighted.lognormal(rnd, 0, 0.45) * (d.id() == DOWNTOWN ? 3.0 : 1.0);
            double speed = Weighted.lognormal(rnd, 0, 0.35)
                    * (PlantedStructure.BACKLOG.contains(d.id()) ? PlantedStructure.RESPONSE_FACTOR_BACKLOG : 1.0);
            String city = cityOf(d.id());
            List<Place> pool = new ArrayList<>();
            for (int k = 0; k < ADDRESS_POOL; k++) {
                double[] p = pointIn(d, rnd);
                pool.add(new Place(address(rnd, city, zipOf(d.id(), city)), p[0], p[1]));
            }
            double[][] corridor = {pointIn(d, rnd), pointIn(d, rnd)};
            double[][] blocks = PlantedStructure.HOT_BLOCKS.contains(d.id()) ? blocksOn(d, corridor) : new double[0][];
            infos.add(new Info(d, weight, speed, city, zipOf(d.id(), city), List.copyOf(pool), corridor, blocks, 0));
            w[i] = weight;
        }
        plantBlocks(w);
        cumulative = Weighted.cumulative(w);
    }

    /**
     * Adds each hot-block district the volume of its blocks on top of its own, so that every block holds
     * {@link PlantedStructure#BLOCK_SHARE_OF_CITY} of the city's requests whatever the district's size: with
     * {@code s} that share and {@code m} blocks in all, the city grows from {@code T} to {@code T / (1 - m s)}
     * and a district with {@code b} blocks gains {@code b s} of the new total.
     */
    private void plantBlocks(double[] w) {
        double total = 0;
        int blocks = 0;
        for (int i = 0; i < w.length; i++) {
            total += w[i];
            blocks += infos.get(i).blocks().length;
        }
        double grown = total / (1 - blocks * PlantedStructure.BLOCK_SHARE_OF_CITY);
        for (int i = 0; i < w.length; i++) {
            Info f = infos.get(i);
            if (f.blocks().length == 0) continue;
            double extra = f.blocks().length * PlantedStructure.BLOCK_SHARE_OF_CITY * grown;
            w[i] += extra;
            infos.set(i, new Info(f.district(), w[i], f.responseFactor(), f.city(), f.zip(), f.pool(),
                    f.corridor(), f.blocks(), extra / w[i]));
        }
    }

    List<Info> all() {
        return infos;
    }

    Info pick(RandomGenerator rnd) {
        return infos.get(Weighted.index(cumulative, rnd.nextDouble()));
    }

    int locate(double lon, double lat) {
        return index.locate(lon, lat);
    }

    /** A uniform point inside the district (rejection sampling in its envelope, checked with the district index). */
    double[] pointIn(District d, RandomGenerator rnd) {
        Envelope e = d.geometry().getEnvelopeInternal();
        for (int attempt = 0; attempt < 10_000; attempt++) {
            double lon = round7(e.getMinX() + rnd.nextDouble() * e.getWidth());
            double lat = round7(e.getMinY() + rnd.nextDouble() * e.getHeight());
            if (index.locate(lon, lat) == d.id()) return new double[] {lon, lat};
        }
        throw new IllegalStateException("no point found inside district " + d.id());
    }

    /** The blocks at 1/4, 1/2 and 3/4 along the corridor (moved towards its start until inside the district). */
    private double[][] blocksOn(District d, double[][] corridor) {
        double[][] out = new double[PlantedStructure.BLOCKS_PER_DISTRICT][];
        for (int b = 0; b < out.length; b++) {
            double f = (b + 1.0) / (out.length + 1);
            while (true) {
                double lon = round7(corridor[0][0] + f * (corridor[1][0] - corridor[0][0]));
                double lat = round7(corridor[0][1] + f * (corridor[1][1] - corridor[0][1]));
                if (index.locate(lon, lat) == d.id() || f <= 0) {
                    out[b] = f <= 0 ? corridor[0] : new double[] {lon, lat};
                    break;
                }
                f -= 0.05;
            }
        }
        return out;
    }

    /**
     * A located request's point: in a hot-block district {@link Info#blockShare} of them near a block, in every district {@link PlantedStructure#CORRIDOR_SHARE} along the corridor, the rest uniform.
     */
    double[] located(Info info, RandomGenerator rnd) {
        double u = rnd.nextDouble();
        if (u < info.blockShare()) {
            double[] c = info.blocks()[rnd.nextInt(info.blocks().length)];
            return near(info.district(), c, PlantedStructure.BLOCK_SD_METRES, rnd);
        }
        if (u > 1 - PlantedStructure.CORRIDOR_SHARE) {
            double f = rnd.nextDouble();
            double[][] k = info.corridor();
            double[] c = {k[0][0] + f * (k[1][0] - k[0][0]), k[0][1] + f * (k[1][1] - k[0][1])};
            return near(info.district(), c, 30, rnd);
        }
        return pointIn(info.district(), rnd);
    }

    /** A point around c (Gaussian, sd in metres) inside the district; uniform after 50 misses. */
    private double[] near(District d, double[] c, double sdMetres, RandomGenerator rnd) {
        double metresPerDegLat = 111_320, metresPerDegLon = 111_320 * StrictMath.cos(StrictMath.toRadians(c[1]));
        for (int attempt = 0; attempt < 50; attempt++) {
            double lon = round7(c[0] + rnd.nextGaussian() * sdMetres / metresPerDegLon);
            double lat = round7(c[1] + rnd.nextGaussian() * sdMetres / metresPerDegLat);
            if (index.locate(lon, lat) == d.id()) return new double[] {lon, lat};
        }
        return pointIn(d, rnd);
    }

    /** Seven decimals, as the city's geocoder writes them (about 1 cm). */
    static double round7(double v) {
        return Math.round(v * 1e7) / 1e7;
    }

    /** An ArcGIS-era geocoder address: "1421 Rural Hill Rd, Antioch, TN 37013, USA". */
    static String address(RandomGenerator rnd, String city, String zip) {
        int number = 100 + rnd.nextInt(9900);
        String street = STREETS[rnd.nextInt(STREETS.length)];
        String c = city.charAt(0) + city.substring(1).toLowerCase();
        if (c.startsWith("Old ")) c = "Old Hickory";
        return number + " " + street + ", " + c + ", TN " + zip + ", USA";
    }
}
