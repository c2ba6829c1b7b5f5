package jp.telework.desk.system;

import static jp.telework.desk.system.Api.anonymous;
import static jp.telework.desk.system.Api.as;
import static jp.telework.desk.system.Api.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import io.restassured.response.Response;

/**
 * Journey 2: an SME in Shimane (32, no face-to-face consultations) asks Navi Dial for an in-person
 * consultation and is sent to the nearest association that has free in-person slots; it books there.
 * Tottori (31) is the nearest office but publishes no slots, so Okayama (33) is chosen, Hiroshima (34)
 * is the alternative.
 */
@SuiteClock.SystemTest
@Order(2)
class J2RoutingJourneyTest {

    @Test
    void shimaneSmeIsRoutedToTheNearestAssociationWithFaceToFaceSlotsAndBooksThere() {
        // Shimane offers no face-to-face consultations
        List<String> modes = anonymous().get("/api/v1/contact-points/32").then().statusCode(200).extract().path("modes");
        assertFalse(modes.contains("IN_PERSON"), "Shimane offers " + modes);

        // the secretariat publishes in-person plans for Okayama and Hiroshima (any prefecture is its to manage)
        Fixtures.replacePlan("secretariat", "33", Bodies.weekdayPlan("IN_PERSON", "09:00", "17:00", 1)).then().statusCode(200);
        Fixtures.replacePlan("secretariat", "34", Bodies.weekdayPlan("IN_PERSON", "09:00", "17:00", 1)).then().statusCode(200);
        Fixtures.markPlanned("33");
        Fixtures.markPlanned("34");
        assertTrue(((List<?>) Fixtures.plan("31").path("windows")).isEmpty(), "Tottori has no plan in this suite");

        // Navi Dial: which contact point should take this caller now
        Response route = anonymous().queryParam("prefecture", "32").queryParam("mode", "IN_PERSON")
                .get("/api/v1/contact-points/route");
        route.then().statusCode(200);
        assertEquals("NEAREST_TO_HOME", route.path("reason"), route::asString);
        assertEquals("33", route.path("contactPoint.code"), route::asString);
        double okayamaKm = ((Number) route.path("contactPoint.distanceKm")).doubleValue();
        assertTrue(okayamaKm > 100 && okayamaKm < 140, "Matsue-Okayama is about 120 km, got " + okayamaKm);
        List<String> alternatives = route.path("alternatives.code");
        assertEquals("34", alternatives.get(0), "Hiroshima is the next one: " + alternatives);
        assertFalse(alternatives.contains("31"), "Tottori has no slots");
        String slotId = route.path("contactPoint.firstFreeSlot.slotId");
        assertNotNull(slotId, route::asString);

        // the slot reached consultation-service as an event; the SME books it
        eventually().untilAsserted(() -> assertEquals(200, anonymous().get("/api/v1/slots/{id}", slotId).statusCode()));
        String bookingId = Fixtures.book("sme-c", slotId);
        Response booking = as("sme-c").get("/api/v1/consultations/{id}", bookingId);
        booking.then().statusCode(200);
        assertEquals("33", booking.path("slot.contactPointCode"), booking::asString);
        assertEquals("IN_PERSON", booking.path("slot.mode"), booking::asString);
        assertEquals("32", booking.path("requester.prefecture"));

        // Okayama's contact point counts it; the capacity-1 slot is no longer offered
        Fixtures.awaitBooked("33", slotId, 1);
        eventually().untilAsserted(() -> {
            Response again = anonymous().queryParam("prefecture", "32").queryParam("mode", "IN_PERSON")
                    .get("/api/v1/contact-points/route");
            again.then().statusCode(200);
            assertFalse(slotId.equals(again.path("contactPoint.firstFreeSlot.slotId")), "a full slot is not offered again");
        });

        // a Tokyo caller is served at home
        Fixtures.ensureTokyoPlan();
        Response home = anonymous().queryParam("prefecture", "13").queryParam("mode", "IN_PERSON")
                .get("/api/v1/contact-points/route");
        home.then().statusCode(200);
        assertEquals("HOME", home.path("reason"), home::asString);
        assertEquals("13", home.path("contactPoint.code"));
    }
}
