import java.nio.file.*; import java.util.*; import java.time.*;
import org.gpkg311.sample.SampleCity; import org.gpkg311.read.*; import org.gpkg311.geo.*; import org.gpkg311.snapshot.*; import org.gpkg311.profile.CityProfile;
public class Bench {
  public static void main(String[] a) throws Exception {
    for (int rep = 0; rep < 3; rep++) {
      Path dir = Files.createTempDirectory("sample");
      var mx = java.lang.management.ManagementFactory.getThreadMXBean(); long c0 = mx.getCurrentThreadCpuTime(); long t0 = System.nanoTime();
      var w = SampleCity.write(dir, SampleCity.DEFAULT_SEED);
      long t1 = System.nanoTime(); long c1 = mx.getCurrentThreadCpuTime();
      var ds = DistrictLoader.load(Files.newInputStream(w.districts()), "d", DistrictFields.nashville());
      long t2 = System.nanoTime(); long c2 = mx.getCurrentThreadCpuTime();
      List<RawSource> src = new ArrayList<>(); for (Path p : w.rawFiles()) src.add(RawSource.of(p));
      Snapshot s = SnapshotBuilder.build(src, ds, CityProfile.nashville(), null, Instant.parse("2026-01-01T00:00:00Z"), "b");
      long t3 = System.nanoTime(); long c3 = mx.getCurrentThreadCpuTime();
      byte[] b = SnapshotCodec.toBytes(s);
      long t4 = System.nanoTime(); long c4 = mx.getCurrentThreadCpuTime();
      Snapshot back = SnapshotCodec.read(new java.io.ByteArrayInputStream(b));
      long t5 = System.nanoTime(); long c5 = mx.getCurrentThreadCpuTime();
      System.out.printf("cpu: sample %.0f, districts %.0f, snapshot %.0f, encode %.0f, decode %.0f%n", (c1-c0)/1e6,(c2-c1)/1e6,(c3-c2)/1e6,(c4-c3)/1e6,(c5-c4)/1e6); System.out.printf("wall: sample %.0f ms, districts %.0f ms, snapshot %.0f ms (%d rows -> %d), encode %.0f ms (%d bytes), decode %.0f ms, equal=%s%n",
        (t1-t0)/1e6, (t2-t1)/1e6, (t3-t2)/1e6, s.quality().rowsRead(), s.requests().size(), (t4-t3)/1e6, b.length, (t5-t4)/1e6, back.equals(s));
      if (false) { System.out.println(s.quality()); for (Path p : w.rawFiles()) System.out.println(p + " " + Files.size(p)); }
    }
  }
}
