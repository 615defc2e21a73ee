import java.nio.file.*; import java.util.*; import java.time.*; import java.io.*;
import org.gpkg311.sample.SampleCity; import org.gpkg311.read.*; import org.gpkg311.geo.*; import org.gpkg311.snapshot.*; import org.gpkg311.profile.CityProfile;
/** ~1M rows: 15 copies of the sample's plain CSV files with request ids offset per copy. */
public class Big {
  public static void main(String[] a) throws Exception {
    Path dir = Path.of(a[0]);
    List<RawSource> src = new ArrayList<>();
    for (String f : new String[] {"hubnashville-311-sample-1.csv", "hubnashville-311-sample-2.csv"}) {
      List<String> lines = Files.readAllLines(dir.resolve("raw/311/" + f));
      for (int copy = 0; copy < 15; copy++) {
        StringBuilder sb = new StringBuilder(lines.get(0)).append('\n');
        for (int i = 1; i < lines.size(); i++) { String l = lines.get(i); int c = l.indexOf(','); sb.append(c > 0 ? (copy * 10_000_000L + Long.parseLong(l.substring(0, c))) + l.substring(c) : l).append('\n'); }
        byte[] b = sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        src.add(RawSource.of(f + "#" + copy, b));
      }
    }
    var ds = DistrictLoader.load(Files.newInputStream(dir.resolve("reference/council-districts.geojson")), "d", DistrictFields.nashville());
    System.gc();
    var mx = java.lang.management.ManagementFactory.getThreadMXBean();
    long c0 = mx.getCurrentThreadCpuTime(), t0 = System.nanoTime();
    // window: the whole span is in the window if asOf is late enough? keep default asOf; 3 months of 4 are in
    Snapshot s = SnapshotBuilder.build(src, ds, CityProfile.nashville(), null, Instant.parse("2026-01-01T00:00:00Z"), "big");
    long c1 = mx.getCurrentThreadCpuTime(), t1 = System.nanoTime();
    byte[] bytes = SnapshotCodec.toBytes(s);
    long c2 = mx.getCurrentThreadCpuTime(), t2 = System.nanoTime();
    Snapshot back = SnapshotCodec.read(new ByteArrayInputStream(bytes));
    long c3 = mx.getCurrentThreadCpuTime(), t3 = System.nanoTime();
    Runtime rt = Runtime.getRuntime();
    System.out.printf("rows read %d, accepted %d; build cpu %.0f ms wall %.0f ms; encode cpu %.0f wall %.0f ms (%d bytes); decode cpu %.0f wall %.0f ms; heap used %d MB%n",
      s.quality().rowsRead(), s.requests().size(), (c1-c0)/1e6, (t1-t0)/1e6, (c2-c1)/1e6, (t2-t1)/1e6, bytes.length, (c3-c2)/1e6, (t3-t2)/1e6, (rt.totalMemory()-rt.freeMemory())>>20);
  }
}
