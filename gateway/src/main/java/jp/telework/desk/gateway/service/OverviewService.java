package jp.telework.desk.gateway.service;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.vertx.core.MultiMap;
import jp.telework.desk.gateway.config.GatewayConfig;
import jp.telework.desk.gateway.mapping.OverviewView;
import jp.telework.desk.gateway.mapping.OverviewView.Source;
import jp.telework.desk.gateway.routing.Service;
import jp.telework.desk.gateway.upstream.UpstreamClient;
import jp.telework.desk.gateway.upstream.UpstreamFailure;
import jp.telework.desk.gateway.upstream.Upstreams;
import jp.telework.desk.common.vocabulary.Tokyo;

/**
 * The secretariat overview: asks the three services for their statistics at the same time (each
 * through its own timeout and circuit breaker, with the caller's token), and answers with what came
 * back, naming what did not.
 */
@ApplicationScoped
public class OverviewService {
    private static final Logger LOG = Logger.getLogger(OverviewService.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Upstreams upstreams;

    @Inject
    GatewayConfig config;

    /** What one service answered. */
    public record Part(Service service, JsonNode data, Source source) {
        public boolean ok() {
            return data != null;
        }
    }

    public record Overview(OverviewView view, PrefectureTable table) {
        public boolean nothing() {
            return view.missing().size() == Service.values().length;
        }
    }

    /**
     * @param query        the already validated query string to pass on (e.g. {@code from=...&to=...}), or empty
     * @param forwardedFor the client address, for the services' X-Forwarded-For
     */
    public Uni<Overview> overview(String authorization, String requestId, String query, String forwardedFor) {
        List<Uni<Part>> calls = new ArrayList<>();
        for (Service service : Service.values()) {
            calls.add(fetch(service, authorization, requestId, query, forwardedFor));
        }
        return Uni.combine().all().unis(calls).with(Part.class, OverviewService::compose);
    }

    private Uni<Part> fetch(Service service, String authorization, String requestId, String query, String forwardedFor) {
        UpstreamClient client = upstreams.get(service);
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .add("Accept", "application/json")
                .add("X-Request-Id", requestId)
                .add("X-Forwarded-For", forwardedFor);
        if (authorization != null) {
            headers.add("Authorization", authorization);
        }
        String uri = "/api/v1/" + service.slug() + "/statistics" + (query.isEmpty() ? "" : "?" + query);
        long max = config.gateway().maxStatisticsSize().asLongValue();
        return Uni.createFrom().completionStage(() -> client.fetch(uri, headers, max).toCompletionStage())
                .map(fetched -> {
                    if (fetched.status() / 100 != 2) {
                        return missing(service, "REFUSED", fetched.status(),
                                "the " + service.slug() + " service answered " + fetched.status());
                    }
                    try {
                        JsonNode data = JSON.readTree(fetched.body().toString(StandardCharsets.UTF_8));
                        return data == null || data.isMissingNode() ? missing(service, "BAD_GATEWAY", 502, "empty answer")
                                : new Part(service, data, new Source("OK", fetched.status(), null));
                    } catch (Exception e) {
                        return missing(service, "BAD_GATEWAY", 502, "the " + service.slug() + " service answered no JSON");
                    }
                })
                .onFailure().recoverWithItem(failure -> {
                    UpstreamFailure f = UpstreamFailure.classify(service, failure);
                    LOG.warnf("%s overview: %s (%s)", requestId, f.getMessage(), f.kind());
                    String status = f.kind() == UpstreamFailure.Kind.CIRCUIT_OPEN ? "UNAVAILABLE" : f.kind().name();
                    return missing(service, status, f.status(), f.getMessage());
                });
    }

    private static Part missing(Service service, String status, int httpStatus, String detail) {
        return new Part(service, null, new Source(status, httpStatus, detail));
    }

    static Overview compose(List<Part> parts) {
        Map<String, Source> sources = new LinkedHashMap<>();
        Map<Service, JsonNode> data = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        PrefectureTable table = new PrefectureTable();
        for (Part part : parts) {
            sources.put(part.service().jsonKey(), part.source());
            if (part.ok()) {
                data.put(part.service(), part.data());
                table.add(part.service().jsonKey(), part.data());
            } else {
                missing.add(part.service().jsonKey());
            }
        }
        OverviewView view = new OverviewView(OffsetDateTime.now(Tokyo.ZONE), missing.isEmpty(), List.copyOf(missing), sources,
                data.get(Service.CONTACT_POINTS), data.get(Service.CONSULTATIONS), data.get(Service.SEMINARS), table.rows());
        return new Overview(view, table);
    }
}
