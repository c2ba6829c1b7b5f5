package jp.telework.desk.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;

class RouteTableTest {
    private final RouteTable table = RouteTable.standard();

    private Route route(String method, String path) {
        return table.match(method, path).orElse(null);
    }

    private void expect(String method, String path, Service service, Access access, RateGroup group) {
        Route r = route(method, path);
        assertTrue(r != null, method + " " + path + " has no route");
        assertEquals(service, r.service(), method + " " + path);
        assertEquals(access, r.access(), method + " " + path);
        assertEquals(group, r.rateGroup(), method + " " + path);
    }

    @Test
    void publicReadsAreExactlyTheListedOnes() {
        expect("GET", "/api/v1/contact-points", Service.CONTACT_POINTS, Access.PUBLIC, RateGroup.PUBLIC_READ);
        expect("GET", "/api/v1/contact-points/13", Service.CONTACT_POINTS, Access.PUBLIC, RateGroup.PUBLIC_READ);
        expect("HEAD", "/api/v1/contact-points/13/slots", Service.CONTACT_POINTS, Access.PUBLIC, RateGroup.PUBLIC_READ);
        expect("GET", "/api/v1/contact-points/13/slots/5f2ea366-7f74-4043-8749-8f01e1594cf3", Service.CONTACT_POINTS, Access.PUBLIC, RateGroup.PUBLIC_READ);
        expect("GET", "/api/v1/contact-points/holidays", Service.CONTACT_POINTS, Access.PUBLIC, RateGroup.PUBLIC_READ);
        expect("GET", "/api/v1/contact-points/13/availability/plan", Service.CONTACT_POINTS, Access.PUBLIC, RateGroup.PUBLIC_READ);
        expect("GET", "/api/v1/contact-points/route", Service.CONTACT_POINTS, Access.PUBLIC, RateGroup.PUBLIC_READ);
        expect("GET", "/api/v1/slots", Service.CONSULTATIONS, Access.PUBLIC, RateGroup.PUBLIC_READ);
        expect("GET", "/api/v1/slots/5d0c", Service.CONSULTATIONS, Access.PUBLIC, RateGroup.PUBLIC_READ);
        expect("GET", "/api/v1/seminars", Service.SEMINARS, Access.PUBLIC, RateGroup.PUBLIC_READ);
        expect("GET", "/api/v1/seminars/calendar.ics", Service.SEMINARS, Access.PUBLIC, RateGroup.PUBLIC_READ);
        expect("GET", "/api/v1/seminars/3f2b8c1e-4a5d-4e6f-8a9b-0c1d2e3f4a5b", Service.SEMINARS, Access.PUBLIC, RateGroup.PUBLIC_READ);
        expect("POST", "/api/v1/inquiries", Service.CONSULTATIONS, Access.PUBLIC, RateGroup.INQUIRY_SUBMIT);
        expect("GET", "/api/v1/inquiries/abc", Service.CONSULTATIONS, Access.PUBLIC, RateGroup.PUBLIC_READ);
        expect("POST", "/api/v1/inquiries/abc/close", Service.CONSULTATIONS, Access.PUBLIC, RateGroup.INQUIRY_SUBMIT);
    }

    @Test
    void everythingElseOfAServiceNeedsAToken() {
        expect("PUT", "/api/v1/contact-points/13", Service.CONTACT_POINTS, Access.BUSINESS, RateGroup.API);
        expect("GET", "/api/v1/contact-points/13/bookings", Service.CONTACT_POINTS, Access.BUSINESS, RateGroup.API);
        expect("GET", "/api/v1/contact-points/abc", Service.CONTACT_POINTS, Access.BUSINESS, RateGroup.API);
        expect("DELETE", "/api/v1/contact-points/13/availability/exceptions/2026-11-03", Service.CONTACT_POINTS, Access.BUSINESS, RateGroup.API);
        expect("POST", "/api/v1/slots", Service.CONSULTATIONS, Access.BUSINESS, RateGroup.API);
        expect("GET", "/api/v1/slots/a/b", Service.CONSULTATIONS, Access.BUSINESS, RateGroup.API);
        expect("GET", "/api/v1/consultations", Service.CONSULTATIONS, Access.BUSINESS, RateGroup.API);
        expect("POST", "/api/v1/consultations/x/reschedule", Service.CONSULTATIONS, Access.BUSINESS, RateGroup.API);
        expect("GET", "/api/v1/inquiries", Service.CONSULTATIONS, Access.BUSINESS, RateGroup.API);
        expect("POST", "/api/v1/inquiries/abc/answer", Service.CONSULTATIONS, Access.BUSINESS, RateGroup.API);
        expect("GET", "/api/v1/seminars/my-registrations", Service.SEMINARS, Access.BUSINESS, RateGroup.API);
        expect("GET", "/api/v1/seminars/3f2b8c1e-4a5d-4e6f-8a9b-0c1d2e3f4a5b/registrations", Service.SEMINARS, Access.BUSINESS, RateGroup.API);
        expect("POST", "/api/v1/seminars", Service.SEMINARS, Access.BUSINESS, RateGroup.API);
    }

    @Test
    void statisticsAreForTheSecretariatAndTheDashboard() {
        expect("GET", "/api/v1/contact-points/statistics", Service.CONTACT_POINTS, Access.STATISTICS, RateGroup.STATISTICS);
        expect("GET", "/api/v1/consultations/statistics", Service.CONSULTATIONS, Access.STATISTICS, RateGroup.STATISTICS);
        expect("GET", "/api/v1/seminars/statistics", Service.SEMINARS, Access.STATISTICS, RateGroup.STATISTICS);
        Route overview = route("GET", "/api/v1/dashboard/overview");
        assertTrue(overview.local());
        assertEquals(Access.STATISTICS, overview.access());
        assertEquals(Set.of("secretariat", "dashboard"), Access.STATISTICS.roles());
    }

    @Test
    void openApiDocumentsMapToEachServicesQOpenapi() {
        Route r = route("GET", "/api/v1/openapi/seminars");
        assertEquals(Service.SEMINARS, r.service());
        assertEquals("/q/openapi", r.targetPath("/api/v1/openapi/seminars"));
        assertEquals(Access.PUBLIC, r.access());
        assertNull(route("GET", "/api/v1/openapi/billing"));
    }

    @Test
    void unknownPathsAndLookalikesHaveNoRoute() {
        assertNull(route("GET", "/api/v1/nothing"));
        assertNull(route("GET", "/api/v1/contact-pointsX"));
        assertNull(route("GET", "/api/v1/dashboard/overview/x"));
        assertNull(route("POST", "/api/v1/dashboard/overview"));
        assertNull(route("GET", "/api/v2/slots"));
    }

    @Test
    void aKnownPathWithAnotherMethodNamesTheMethodsItTakes() {
        RouteTable table = RouteTable.standard();
        assertEquals(java.util.Set.of("GET", "HEAD"), table.allowedMethods("/api/v1/dashboard/overview"));
        assertEquals(java.util.Set.of("GET", "HEAD"), table.allowedMethods("/api/v1/openapi/consultations"));
        // a route for any method: the service behind it decides
        assertEquals(java.util.Set.of(), table.allowedMethods("/api/v1/consultations"));
        // no route at all: 404, not 405
        assertEquals(java.util.Set.of(), table.allowedMethods("/api/v1/nothing"));
    }

    @Test
    void accessDecisions() {
        assertEquals(Access.Decision.ALLOW, Access.PUBLIC.decide(true, r -> false));
        assertEquals(Access.Decision.UNAUTHENTICATED, Access.BUSINESS.decide(true, r -> false));
        assertEquals(Access.Decision.FORBIDDEN, Access.BUSINESS.decide(false, "dashboard"::equals));
        assertEquals(Access.Decision.ALLOW, Access.BUSINESS.decide(false, "sme"::equals));
        assertEquals(Access.Decision.FORBIDDEN, Access.STATISTICS.decide(false, "association"::equals));
        assertEquals(Access.Decision.ALLOW, Access.STATISTICS.decide(false, "dashboard"::equals));
    }

    @Test
    void templatesKeepLiteralsAndHideIds() {
        assertEquals("/api/v1/consultations/{id}/cancel",
                RouteTable.template("/api/v1/consultations/3f2b6c1e-9a4d-4e7f-8c2a-1b2c3d4e5f60/cancel"));
        assertEquals("/api/v1/contact-points/{id}/availability/{id}", RouteTable.template("/api/v1/contact-points/13/availability/2026-12-01"));
        assertEquals("/api/v1/seminars/calendar.ics", RouteTable.template("/api/v1/seminars/calendar.ics"));
        assertEquals("/api/v1/inquiries/{id}/close", RouteTable.template("/api/v1/inquiries/k3y-Of-The-Sender/close"));
        // whatever a client makes up stays one template
        assertEquals("/api/v1/{id}/{id}", RouteTable.template("/api/v1/anything/at-all"));
    }
}
