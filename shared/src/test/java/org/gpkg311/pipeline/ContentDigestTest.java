package org.gpkg311.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.gpkg311.model.ServiceRequest;
import org.gpkg311.snapshot.Snapshot;
import org.gpkg311.snapshot.Window;
import org.gpkg311.spatial.SpatialFixture;
import org.junit.jupiter.api.Test;

/**
 * The content digest behind run ids: equal data gives an equal digest, whatever else differs (the run id), and
 * a change of any digested field of one request, however small, gives another.
 */
class ContentDigestTest {

    static final Snapshot BASE = SpatialFixture.snapshot();

    static Snapshot withFirst(UnaryOperator<ServiceRequest> change) {
        List<ServiceRequest> rs = new ArrayList<>(BASE.requests());
        rs.set(0, change.apply(rs.get(0)));
        return SpatialFixture.snapshot(BASE.districts(), rs);
    }

    static ServiceRequest copy(ServiceRequest r, String id, String type, String status, Instant opened, Instant closed,
                               double lat, double lon, int district) {
        return new ServiceRequest(id, type, r.subrequestType(), r.additionalSubrequestType(), status, r.open(), opened,
                closed, r.origin(), r.address(), r.city(), r.zipCode(), lat, lon, district, r.located());
    }

    @Test
    void equalDataGivesAnEqualDigest() {
        Snapshot rebuilt = SpatialFixture.snapshot(BASE.districts(), new ArrayList<>(BASE.requests()));
        assertEquals(RunIds.contentDigest(BASE), RunIds.contentDigest(rebuilt));
        assertEquals(RunIds.contentDigest(BASE), RunIds.contentDigest(RunIds.withId(BASE, "another-id")));
        assertEquals(64, RunIds.contentDigest(BASE).length());
    }

    /* The digest of the last snapshot is kept for its columns and window: the same columns under another
       window (one second later) are another content, and asking again after it gives the first digest again. */
    @Test
    void theSameColumnsInAnotherWindowGiveAnotherDigest() {
        String first = RunIds.contentDigest(BASE);
        Window later = Window.endingAt(BASE.window().asOf().plusSeconds(1), BASE.window().zone());
        Snapshot moved = new Snapshot(BASE.runId(), BASE.cityName(), later, BASE.districts(), BASE.columns(), BASE.quality());
        assertNotEquals(first, RunIds.contentDigest(moved));
        assertEquals(first, RunIds.contentDigest(BASE));
    }

    @Test
    void anyDigestedFieldOfOneRequestChangesIt() {
        ServiceRequest r = BASE.requests().get(0);
        Instant o = r.openedAt(), c = r.closedAt() == null ? o.plusSeconds(3600) : r.closedAt();
        Map<String, UnaryOperator<ServiceRequest>> changes = new LinkedHashMap<>();
        changes.put("request id", q -> copy(q, q.requestId() + "x", q.requestType(), q.status(), o, q.closedAt(), q.latitude(), q.longitude(), q.districtId()));
        changes.put("type", q -> copy(q, q.requestId(), q.requestType() + "x", q.status(), o, q.closedAt(), q.latitude(), q.longitude(), q.districtId()));
        changes.put("status", q -> copy(q, q.requestId(), q.requestType(), q.status() + "x", o, q.closedAt(), q.latitude(), q.longitude(), q.districtId()));
        changes.put("opened by one nanosecond", q -> copy(q, q.requestId(), q.requestType(), q.status(), o.plusNanos(1), q.closedAt(), q.latitude(), q.longitude(), q.districtId()));
        changes.put("closed time set or cleared", q -> copy(q, q.requestId(), q.requestType(), q.status(), o, q.closedAt() == null ? c : null, q.latitude(), q.longitude(), q.districtId()));
        changes.put("latitude by one ulp", q -> copy(q, q.requestId(), q.requestType(), q.status(), o, q.closedAt(), Math.nextUp(q.latitude()), q.longitude(), q.districtId()));
        changes.put("longitude by one ulp", q -> copy(q, q.requestId(), q.requestType(), q.status(), o, q.closedAt(), q.latitude(), Math.nextUp(q.longitude()), q.districtId()));
        changes.put("district", q -> copy(q, q.requestId(), q.requestType(), q.status(), o, q.closedAt(), q.latitude(), q.longitude(), q.districtId() + 1));
        String base = RunIds.contentDigest(BASE);
        changes.forEach((what, change) -> assertNotEquals(base, RunIds.contentDigest(withFirst(change)), what));
    }

    /** Texts are length-prefixed: moving a character from the id to the status is a change. */
    @Test
    void textsDoNotRunIntoEachOther() {
        ServiceRequest r = BASE.requests().get(0);
        Snapshot a = withFirst(q -> copy(q, "ab", q.requestType(), "c", q.openedAt(), q.closedAt(), q.latitude(), q.longitude(), q.districtId()));
        Snapshot b = withFirst(q -> copy(q, "a", q.requestType(), "bc", q.openedAt(), q.closedAt(), q.latitude(), q.longitude(), q.districtId()));
        assertNotEquals(RunIds.contentDigest(a), RunIds.contentDigest(b), r.requestId());
    }
}
