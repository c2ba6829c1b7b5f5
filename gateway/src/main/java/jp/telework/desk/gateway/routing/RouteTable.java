package jp.telework.desk.gateway.routing;

import static jp.telework.desk.gateway.routing.Access.BUSINESS;
import static jp.telework.desk.gateway.routing.Access.PUBLIC;
import static jp.telework.desk.gateway.routing.Access.STATISTICS;
import static jp.telework.desk.gateway.routing.Service.CONSULTATIONS;
import static jp.telework.desk.gateway.routing.Service.CONTACT_POINTS;
import static jp.telework.desk.gateway.routing.Service.SEMINARS;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which upstream serves a path, who may call it, and which rate limit applies. The services serve the
 * same paths the gateway exposes. First match wins; anything under {@code /api/v1} that no line
 * matches is answered 404 by the gateway itself.
 *
 * <p>Public routes are listed exactly (a whitelist): a GET the table does not know as public needs a
 * token, so a protected endpoint a service adds later is never exposed by accident.
 */
public final class RouteTable {
    private static final Set<String> READ = Set.of("GET", "HEAD");
    private static final Set<String> ANY = Set.of();
    private static final String UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    /**
     * The literal path segments of the gateway's and the services' routes (their {@code @Path}s); every
     * other segment is an id, a code, a date or an access key.
     */
    private static final Set<String> LITERAL_SEGMENTS = Set.of("api", "v1", "contact-points", "consultations", "slots",
            "inquiries", "seminars", "openapi", "dashboard", "overview", "statistics", "route", "holidays", "availability",
            "exceptions", "plan", "calendar.ics", "my-registrations", "registrations", "attendance", "answer", "cancel",
            "close", "complete", "outcome", "publish", "reschedule", "dead-letters", "replay", "discard");

    private final List<Route> routes;

    public RouteTable(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    public static RouteTable standard() {
        List<Route> r = new ArrayList<>();
        // contact-point-service: the 47 contact points, availability and slots, Navi Dial routing
        r.add(route("contact-points-statistics", READ, "/api/v1/contact-points/statistics(/.*)?", CONTACT_POINTS, STATISTICS, RateGroup.STATISTICS));
        r.add(route("contact-points-public", READ, "/api/v1/contact-points(/route|/holidays|/[0-9]+(/slots(/[^/]+)?|/availability(/[^/]+)*)?)?", CONTACT_POINTS, PUBLIC, RateGroup.PUBLIC_READ));
        r.add(route("contact-points", ANY, "/api/v1/contact-points(/.*)?", CONTACT_POINTS, BUSINESS, RateGroup.API));
        // consultation-service: free slots, bookings, inquiries
        r.add(route("consultations-statistics", READ, "/api/v1/consultations/statistics(/.*)?", CONSULTATIONS, STATISTICS, RateGroup.STATISTICS));
        r.add(route("slots-public", READ, "/api/v1/slots(/[^/]+)?", CONSULTATIONS, PUBLIC, RateGroup.PUBLIC_READ));
        r.add(route("slots", ANY, "/api/v1/slots(/.*)?", CONSULTATIONS, BUSINESS, RateGroup.API));
        // an inquiry may be sent anonymously; its sender reads and closes it with the access key answered at submission
        r.add(route("inquiries-submit", Set.of("POST"), "/api/v1/inquiries", CONSULTATIONS, PUBLIC, RateGroup.INQUIRY_SUBMIT));
        r.add(route("inquiries-by-access-key", READ, "/api/v1/inquiries/[^/]+", CONSULTATIONS, PUBLIC, RateGroup.PUBLIC_READ));
        r.add(route("inquiries-close-by-access-key", Set.of("POST"), "/api/v1/inquiries/[^/]+/close", CONSULTATIONS, PUBLIC, RateGroup.INQUIRY_SUBMIT));
        r.add(route("inquiries", ANY, "/api/v1/inquiries(/.*)?", CONSULTATIONS, BUSINESS, RateGroup.API));
        r.add(route("consultations", ANY, "/api/v1/consultations(/.*)?", CONSULTATIONS, BUSINESS, RateGroup.API));
        // seminar-service: published seminars and their calendar, registrations
        r.add(route("seminars-statistics", READ, "/api/v1/seminars/statistics(/.*)?", SEMINARS, STATISTICS, RateGroup.STATISTICS));
        r.add(route("seminars-public", READ, "/api/v1/seminars(/calendar\\.ics|/" + UUID + ")?", SEMINARS, PUBLIC, RateGroup.PUBLIC_READ));
        r.add(route("seminars", ANY, "/api/v1/seminars(/.*)?", SEMINARS, BUSINESS, RateGroup.API));
        // each service's OpenAPI document, for the gateway's Swagger UI
        for (Service s : Service.values()) {
            r.add(new Route("openapi-" + s.slug(), READ, Pattern.compile("/api/v1/openapi/" + s.slug()), s, "/q/openapi",
                    PUBLIC, RateGroup.PUBLIC_READ));
        }
        // the gateway's own: the secretariat overview
        r.add(new Route("dashboard-overview", READ, Pattern.compile("/api/v1/dashboard/overview"), null, null,
                STATISTICS, RateGroup.STATISTICS));
        return new RouteTable(r);
    }

    private static Route route(String name, Set<String> methods, String regex, Service service, Access access,
            RateGroup group) {
        return new Route(name, methods, Pattern.compile(regex), service, null, access, group);
    }

    public Optional<Route> match(String method, String normalizedPath) {
        for (Route route : routes) {
            if (route.matches(method, normalizedPath)) {
                return Optional.of(route);
            }
        }
        return Optional.empty();
    }

    /**
     * The methods some route accepts on this path, when none accepts the request's: answered 405 with
     * {@code Allow}. Empty when no route knows the path, or when a route for any method does (the service
     * behind it decides).
     */
    public Set<String> allowedMethods(String normalizedPath) {
        Set<String> allowed = new java.util.TreeSet<>();
        for (Route route : routes) {
            if (route.path().matcher(normalizedPath).matches()) {
                if (route.methods().isEmpty()) {
                    return Set.of();
                }
                allowed.addAll(route.methods());
            }
        }
        return allowed;
    }

    /**
     * The path as a template, for metrics and logs that must not carry ids: every segment that is not a
     * literal of some route becomes {@code {id}} ({@code /api/v1/consultations/{id}/cancel}). The set of
     * templates is bounded whatever clients send.
     */
    public static String template(String normalizedPath) {
        StringBuilder template = new StringBuilder();
        for (String segment : normalizedPath.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            template.append('/').append(LITERAL_SEGMENTS.contains(segment) ? segment : "{id}");
        }
        return template.isEmpty() ? "/" : template.toString();
    }

    public List<Route> routes() {
        return routes;
    }
}
