package jp.telework.desk.system;

import static jp.telework.desk.system.Api.anonymous;
import static jp.telework.desk.system.Api.as;
import static jp.telework.desk.system.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Links point at the gateway, never inside: every {@code Location} of a create answered through the
 * gateway, and every {@code URL} of the public iCalendar feed, is followed through the gateway and
 * answers 200 there; none names a service's own address.
 */
@SuiteClock.SystemTest
@Order(6)
class E3LinksTest {

    /** The Location resolved against the request it answers (a relative reference is allowed, RFC 9110 §10.2.2). */
    private static URI follow(Response created, String requestPath) {
        assertEquals(201, created.statusCode(), created::asString);
        String location = created.header("Location");
        assertNotNull(location, "Location");
        assertFalse(location.contains("127.0.0.1:") && !location.startsWith(SystemStack.gateway()), location);
        URI resolved = URI.create(SystemStack.gateway() + requestPath).resolve(location);
        assertTrue(resolved.toString().startsWith(SystemStack.gateway() + "/api/v1/"), () -> "Location " + location + " -> " + resolved);
        return resolved;
    }

    private static void answers200(RequestSpecification as, URI target) {
        Response r = as.get(target.getPath());
        assertEquals(200, r.statusCode(), () -> "GET " + target + ": " + r.asString());
    }

    @Test
    void everyLocationAndCalendarUrlLeadsToTheResourceThroughTheGateway() {
        // a seminar, published so that the feed lists it, and a registration for it
        Response seminar = json(as("assoc-tokyo"), Bodies.seminar("13", "13", 10, 75, null)).post("/api/v1/seminars");
        URI seminarAt = follow(seminar, "/api/v1/seminars");
        answers200(as("assoc-tokyo"), seminarAt);
        String seminarId = seminar.path("id");
        as("assoc-tokyo").header("If-Match", seminar.header("ETag")).post("/api/v1/seminars/{id}/publish", seminarId)
                .then().statusCode(200);
        Response registration = json(as("sme-b"), Bodies.registration("sme-b", 1))
                .post("/api/v1/seminars/{id}/registrations", seminarId);
        answers200(as("sme-b"), follow(registration, "/api/v1/seminars/" + seminarId + "/registrations"));

        // an inquiry, a booking and a dated exception
        answers200(as("sme-b"), follow(json(as("sme-b").header("Idempotency-Key", UUID.randomUUID().toString()),
                Bodies.inquiry("13", "Where do the links of this desk point?")).post("/api/v1/inquiries"), "/api/v1/inquiries"));
        Fixtures.ensureTokyoPlan();
        LocalDate day = Fixtures.claimDay("13", "ONLINE");
        String slot = Fixtures.slotId(Fixtures.slotsOn("13", "ONLINE", day, 2).get(0));
        Response booking = json(as("sme-b").header("Idempotency-Key", UUID.randomUUID().toString()), Bodies.booking(slot, "sme-b"))
                .post("/api/v1/consultations");
        answers200(as("sme-b"), follow(booking, "/api/v1/consultations"));
        json(as("sme-b"), Map.of()).post("/api/v1/consultations/{id}/cancel", (String) booking.path("id")).then().statusCode(200);
        LocalDate closed = Fixtures.claimDay("13", "IN_PERSON");
        Response exception = json(as("assoc-tokyo"), Map.of("date", closed.toString(), "kind", "CAPACITY", "capacity", 1,
                "mode", "IN_PERSON", "reason", "links test")).post("/api/v1/contact-points/13/availability/exceptions");
        answers200(anonymous(), follow(exception, "/api/v1/contact-points/13/availability/exceptions"));
        as("assoc-tokyo").delete("/api/v1/contact-points/13/availability/exceptions/{id}", (String) exception.path("exception.id"))
                .then().statusCode(200);

        // the public feed: every URL is the gateway's and answers there
        String feed = anonymous().accept("text/calendar").get("/api/v1/seminars/calendar.ics").then().statusCode(200).extract().asString();
        // content lines longer than 75 octets are folded (RFC 5545 §3.1): unfold before reading them
        String unfolded = feed.replace("\r\n ", "").replace("\r\n\t", "").replace("\n ", "");
        List<String> urls = unfolded.lines().filter(l -> l.startsWith("URL:")).map(l -> l.substring(4).trim()).toList();
        assertFalse(urls.isEmpty(), feed);
        assertTrue(urls.stream().anyMatch(u -> u.endsWith("/api/v1/seminars/" + seminarId)), () -> "the new seminar in " + urls);
        for (String url : urls) {
            assertTrue(url.startsWith(SystemStack.gateway() + "/api/v1/seminars/"), () -> "calendar URL " + url);
            answers200(anonymous(), URI.create(url));
        }
    }
}
