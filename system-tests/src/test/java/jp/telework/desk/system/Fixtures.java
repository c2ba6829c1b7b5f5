package jp.telework.desk.system;

import static jp.telework.desk.system.Api.anonymous;
import static jp.telework.desk.system.Api.as;
import static jp.telework.desk.system.Api.eventually;
import static jp.telework.desk.system.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import io.restassured.response.Response;

/**
 * Shared steps of the journeys and fault tests. Tests share one stack, so each one works on days
 * (or prefectures) no other test touches: {@link #claimDay} hands out distinct days.
 */
final class Fixtures {
    private static final Map<String, Set<LocalDate>> CLAIMED = new ConcurrentHashMap<>();
    private static final Set<String> PLANNED = ConcurrentHashMap.newKeySet();

    private Fixtures() {
    }

    static Response plan(String code) {
        return anonymous().get("/api/v1/contact-points/{code}/availability/plan", code);
    }

    /** Replaces a contact point's weekly plan with If-Match = its current ETag. */
    static Response replacePlan(String user, String code, Map<String, Object> plan) {
        String etag = plan(code).then().statusCode(200).extract().header("ETag");
        return json(as(user).header("If-Match", etag), plan).put("/api/v1/contact-points/{code}/availability/plan", code);
    }

    /** Publishes the plan once per suite unless the contact point already has one. */
    static void ensurePlan(String user, String code, Map<String, Object> plan) {
        if (PLANNED.contains(code)) {
            return;
        }
        synchronized (PLANNED) {
            List<?> windows = plan(code).then().statusCode(200).extract().path("windows");
            if (windows == null || windows.isEmpty()) {
                replacePlan(user, code, plan).then().statusCode(200);
            }
            PLANNED.add(code);
        }
    }

    static void markPlanned(String code) {
        PLANNED.add(code);
    }

    static void ensureTokyoPlan() {
        ensurePlan("assoc-tokyo", "13", Bodies.weekdayPlan(2, 3));
    }

    /** Free slots as consultation-service sees them (its projection of contact-points.events). */
    static List<Map<String, Object>> freeSlots(String prefecture, String mode, LocalDate from, LocalDate to) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (int page = 0; page < 20; page++) {
            io.restassured.specification.RequestSpecification spec = anonymous().queryParam("prefecture", prefecture);
            if (mode != null) {
                spec = spec.queryParam("mode", mode);
            }
            Response r = spec.queryParam("from", from.toString()).queryParam("to", to.toString())
                    .queryParam("page", page).queryParam("size", 100).get("/api/v1/slots");
            r.then().statusCode(200);
            List<Map<String, Object>> items = r.path("items");
            all.addAll(items);
            if (items.size() < 100) {
                break;
            }
        }
        return all;
    }

    /**
     * A day at least three days ahead (so the 24 h change cut-off is far) whose slots of this mode are
     * all free in consultation-service's projection and that no other test of this run has claimed.
     */
    static LocalDate claimDay(String prefecture, String mode) {
        LocalDate from = Api.today().plusDays(3);
        LocalDate to = Api.today().plusDays(45);
        AtomicReference<LocalDate> chosen = new AtomicReference<>();
        eventually().until(() -> {
            Map<LocalDate, List<Map<String, Object>>> byDay = new TreeMap<>();
            for (Map<String, Object> s : freeSlots(prefecture, mode, from, to)) {
                byDay.computeIfAbsent(LocalDate.parse((String) s.get("date")), d -> new ArrayList<>()).add(s);
            }
            synchronized (CLAIMED) {
                Set<LocalDate> claimed = CLAIMED.computeIfAbsent(prefecture, p -> new HashSet<>());
                for (var e : byDay.entrySet()) {
                    boolean untouched = e.getValue().stream()
                            .allMatch(s -> ((Number) s.get("remainingCapacity")).intValue() == ((Number) s.get("capacity")).intValue());
                    if (!claimed.contains(e.getKey()) && untouched) {
                        claimed.add(e.getKey());
                        chosen.set(e.getKey());
                        return true;
                    }
                }
            }
            return false;
        });
        return chosen.get();
    }

    /** The free slots of one day, waiting until consultation-service has the expected number of them. */
    static List<Map<String, Object>> slotsOn(String prefecture, String mode, LocalDate day, int expected) {
        AtomicReference<List<Map<String, Object>>> result = new AtomicReference<>();
        eventually().until(() -> {
            List<Map<String, Object>> slots = freeSlots(prefecture, mode, day, day);
            slots.sort((a, b) -> ((String) a.get("startsAt")).compareTo((String) b.get("startsAt")));
            result.set(slots);
            return slots.size() == expected;
        });
        return result.get();
    }

    static String slotId(Map<String, Object> slot) {
        return (String) slot.get("slotId");
    }

    /** Books as an SME and answers the new booking's id. */
    static String book(String sme, String slotId) {
        Response r = json(as(sme).header("Idempotency-Key", UUID.randomUUID().toString()), Bodies.booking(slotId, sme))
                .post("/api/v1/consultations");
        assertEquals(201, r.statusCode(), () -> "booking " + slotId + " as " + sme + ": " + r.asString());
        return r.path("id");
    }

    static void cancel(String user, String bookingId) {
        Map<String, Object> body = user.startsWith("sme") ? Map.of() : Map.of("reason", "Cleaning up after a test");
        json(as(user), body).post("/api/v1/consultations/{id}/cancel", bookingId).then().statusCode(200);
    }

    /**
     * The slot as contact-point-service shows it (capacity, booked from consultation events). Read with
     * a token: whether anonymous callers may read it too is asserted once, in journey 1.
     */
    static Map<String, Object> contactPointSlot(String code, String slotId) {
        Response r = as("secretariat").get("/api/v1/contact-points/{code}/slots/{id}", code, slotId);
        r.then().statusCode(200);
        return r.jsonPath().getMap("$");
    }

    static int bookedAtContactPoint(String code, String slotId) {
        return ((Number) contactPointSlot(code, slotId).get("booked")).intValue();
    }

    /** Waits until contact-point-service counts exactly this many bookings in the slot. */
    static void awaitBooked(String code, String slotId, int expected) {
        eventually().untilAsserted(() -> assertEquals(expected, bookedAtContactPoint(code, slotId),
                () -> "booked count of slot " + slotId + " at contact point " + code));
    }

    /** Remaining places of a slot in consultation-service (capacity minus bookings holding a place). */
    static int remainingAtConsultations(String slotId) {
        Response r = anonymous().get("/api/v1/slots/{id}", slotId);
        r.then().statusCode(200);
        return ((Number) r.path("remainingCapacity")).intValue();
    }

    static String bookingStatus(String user, String bookingId) {
        Response r = as(user).get("/api/v1/consultations/{id}", bookingId);
        r.then().statusCode(200);
        return r.path("status");
    }

    /** Open slots of a mode from tomorrow on, as contact-point-service (the source) has them. */
    static int contactPointSlotsOfMode(String code, String mode) {
        Response r = anonymous().queryParam("mode", mode).queryParam("status", "OPEN")
                .queryParam("from", Api.today().plusDays(1).toString()).queryParam("to", Api.today().plusDays(60).toString())
                .queryParam("size", 1).get("/api/v1/contact-points/{code}/slots", code);
        r.then().statusCode(200);
        return Integer.parseInt(r.header("X-Total-Count"));
    }

    /** Ids of the open slots (any mode) of a contact point in a date range, as contact-point-service has them. */
    static java.util.Set<String> contactPointOpenSlotIds(String code, LocalDate from, LocalDate to) {
        java.util.Set<String> ids = new java.util.TreeSet<>();
        for (int page = 0; page < 20; page++) {
            Response r = anonymous().queryParam("status", "OPEN").queryParam("from", from.toString()).queryParam("to", to.toString())
                    .queryParam("page", page).queryParam("size", 500).get("/api/v1/contact-points/{code}/slots", code);
            r.then().statusCode(200);
            List<String> items = r.path("items.id");
            ids.addAll(items);
            if (items.size() < 500) {
                break;
            }
        }
        return ids;
    }
}
