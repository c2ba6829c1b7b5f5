package jp.telework.desk.consultation;

import static jp.telework.desk.consultation.Fixtures.announce;
import static jp.telework.desk.consultation.Fixtures.as;
import static jp.telework.desk.consultation.Fixtures.book;
import static jp.telework.desk.consultation.Fixtures.phoneBookingBody;
import static jp.telework.desk.consultation.Fixtures.slot;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jp.telework.desk.consultation.domain.Booking;
import jp.telework.desk.events.SlotV1;

/**
 * Navi Dial: an association books, moves and cancels for a caller's organization on the phone, the secretariat
 * for anyone; the same capacity and fair-share rules hold, and the channel is recorded.
 */
@QuarkusTest
class PhoneBookingTest {

    private static Response phoneBook(String user, String body) {
        return as(user).contentType("application/json").body(body).when().post("/api/v1/consultations");
    }

    private static long bookingsIn(UUID slotId) {
        return QuarkusTransaction.requiringNew().call(() -> Booking.count("slot.id", slotId));
    }

    @Test
    void theAssociationBooksForACallerWhoseOrganizationThenSeesItWithItsOwnToken() {
        SlotV1 s = announce(slot("13", 20, 3));
        Response created = phoneBook("assoc-tokyo", phoneBookingBody(s.slotId(), "org-sme-b"));
        created.then().statusCode(201).header("Location", startsWith("/api/v1/consultations/"))
                .body("channel", equalTo("NAVI_DIAL"))
                .body("organizationId", equalTo("org-sme-b"))
                .body("requester.contactPerson", equalTo("Tanaka Jiro"));
        String id = created.path("id");

        as("sme-b").get("/api/v1/consultations/" + id).then().statusCode(200).body("channel", equalTo("NAVI_DIAL"));
        as("sme-b").get("/api/v1/consultations").then().statusCode(200).body("items.id", hasItem(id));
        as("sme-a").get("/api/v1/consultations/" + id).then().statusCode(404);
        as("assoc-osaka").get("/api/v1/consultations/" + id).then().statusCode(404);
        as("assoc-tokyo").queryParam("channel", "NAVI_DIAL").get("/api/v1/consultations").then().statusCode(200)
                .body("items.id", hasItem(id)).body("items.channel", not(hasItem("API")));

        // the caller's organization holds its one place of this slot, whoever asks for a second
        phoneBook("assoc-tokyo", phoneBookingBody(s.slotId(), "org-sme-b")).then().statusCode(409)
                .body("type", equalTo("urn:telework:problem:slot-share-reached")).body("errors[0].field", equalTo("slotId"));
        as("sme-b").contentType("application/json").body(Fixtures.bookingBody(s.slotId())).post("/api/v1/consultations")
                .then().statusCode(409).body("type", equalTo("urn:telework:problem:slot-share-reached"));
        assertEquals(1, bookingsIn(s.slotId()));

        // the association moves it on the phone (no cut-off for it) and cancels it with a reason
        SlotV1 later = announce(slot("13", 21, 2));
        as("assoc-tokyo").contentType("application/json").body("{\"slotId\":\"" + later.slotId() + "\"}")
                .post("/api/v1/consultations/" + id + "/reschedule").then().statusCode(200)
                .body("slot.slotId", equalTo(later.slotId().toString()));
        SlotV1 osakaSlot = announce(slot("27", 21, 2));
        as("assoc-tokyo").contentType("application/json").body("{\"slotId\":\"" + osakaSlot.slotId() + "\"}")
                .post("/api/v1/consultations/" + id + "/reschedule").then().statusCode(403)
                .body("type", equalTo("urn:telework:problem:not-your-contact-point")).body("errors[0].field", equalTo("slotId"));
        as("assoc-tokyo").contentType("application/json").body("{\"reason\":\"The caller rang back to cancel\"}")
                .post("/api/v1/consultations/" + id + "/cancel").then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("cancelledBy", equalTo("ASSOCIATION"));
    }

    @Test
    void aCallerWithoutAnAccountIsKnownByNameAndPrefecture() {
        SlotV1 s = announce(slot("13", 22, 3));
        String first = phoneBook("assoc-tokyo", phoneBookingBody(s.slotId(), null, "株式会社 さくら商事")).then().statusCode(201)
                .body("organizationId", startsWith("tel-")).extract().path("organizationId");
        // the same organization said again with full-width letters and other spacing is the same organization
        phoneBook("assoc-tokyo", phoneBookingBody(s.slotId(), null, "株式会社　さくら商事 ")).then().statusCode(409)
                .body("type", equalTo("urn:telework:problem:slot-share-reached"));
        String other = phoneBook("assoc-tokyo", phoneBookingBody(s.slotId(), null, "有限会社もみじ工務店")).then().statusCode(201)
                .extract().path("organizationId");
        org.junit.jupiter.api.Assertions.assertNotEquals(first, other);
        assertEquals(2, bookingsIn(s.slotId()));
    }

    @Test
    void theSecretariatBooksAnywhereAndAnAssociationOnlyItsOwnPrefecture() {
        SlotV1 osaka = announce(slot("27", 23, 2));
        phoneBook("secretariat", phoneBookingBody(osaka.slotId(), "org-sme-c")).then().statusCode(201)
                .body("channel", equalTo("SECRETARIAT"));
        phoneBook("assoc-tokyo", phoneBookingBody(osaka.slotId(), "org-sme-a")).then().statusCode(403)
                .body("type", equalTo("urn:telework:problem:not-your-contact-point")).body("errors[0].field", equalTo("slotId"));
        assertEquals(1, bookingsIn(osaka.slotId()), "the refused booking wrote nothing");
        // a full slot of another prefecture: the association hears that it may not book there, not that it is full
        SlotV1 fullOsaka = announce(slot("27", 23, 1));
        phoneBook("secretariat", phoneBookingBody(fullOsaka.slotId(), "org-sme-b")).then().statusCode(201);
        phoneBook("assoc-tokyo", phoneBookingBody(fullOsaka.slotId(), "org-sme-a")).then().statusCode(403)
                .body("type", equalTo("urn:telework:problem:not-your-contact-point"));

        SlotV1 tokyo = announce(slot("13", 23, 2));
        book("sme-a", tokyo.slotId());
        as("sme-a").get("/api/v1/consultations?channel=API").then().statusCode(200).body("items.channel", not(hasItem("NAVI_DIAL")));
    }

    @Test
    void badPhoneBookingsAre400NamingTheFieldAndWriteNothing() {
        SlotV1 s = announce(slot("13", 24, 2));
        // an SME books for its own organization only
        as("sme-a").contentType("application/json").body(phoneBookingBody(s.slotId(), "org-sme-b")).post("/api/v1/consultations")
                .then().statusCode(400).body("errors[0].field", equalTo("organizationId"));
        for (String bad : new String[] { "", " org", "org/../x", "a".repeat(65), "組織" }) {
            phoneBook("assoc-tokyo", phoneBookingBody(s.slotId(), bad)).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("organizationId"));
        }
        phoneBook("assoc-tokyo", phoneBookingBody(s.slotId(), "org-sme-a").replace("\"notes\"", "\"channel\":\"API\",\"notes\""))
                .then().statusCode(400).contentType("application/problem+json");
        phoneBook("dashboard", phoneBookingBody(s.slotId(), "org-sme-a")).then().statusCode(403);
        assertEquals(0, bookingsIn(s.slotId()));
    }

    @Test
    void phoneBookingsAreCountedByChannel() {
        SlotV1 s = announce(slot("13", 25, 3));
        long before = as("secretariat").get("/api/v1/consultations/statistics").then().statusCode(200).extract().jsonPath()
                .getLong("byChannel.NAVI_DIAL");
        phoneBook("assoc-tokyo", phoneBookingBody(s.slotId(), null, "Statistics Test K.K.")).then().statusCode(201);
        as("secretariat").get("/api/v1/consultations/statistics").then().statusCode(200)
                .body("byChannel.NAVI_DIAL", equalTo((int) before + 1));
    }
}
