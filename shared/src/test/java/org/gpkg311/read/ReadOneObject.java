package org.gpkg311.read;

import java.nio.file.Path;

import org.gpkg311.profile.CityProfile;

/** Child-JVM entry of {@link BoundedInputTest}: reads one file with the bundled profile; exit 2 with the message when refused. */
public final class ReadOneObject {

    static final int REFUSED = 2;

    private ReadOneObject() {}

    public static void main(String[] args) throws Exception {
        try {
            long rows = new RequestReader(CityProfile.nashville()).read(RawSource.of(Path.of(args[0])), row -> { });
            System.out.println("read " + rows + " rows");
        } catch (InputFormatException e) {
            System.err.println(e.getMessage());
            System.exit(REFUSED);
        }
    }
}
