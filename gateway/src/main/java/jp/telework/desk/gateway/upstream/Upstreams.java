package jp.telework.desk.gateway.upstream;

import java.util.EnumMap;
import java.util.Map;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.vertx.core.Vertx;
import jp.telework.desk.gateway.config.GatewayConfig;
import jp.telework.desk.gateway.routing.Service;

/** The three upstream clients, created once from configuration. */
@ApplicationScoped
public class Upstreams {
    private final Map<Service, UpstreamClient> clients = new EnumMap<>(Service.class);

    @Inject
    public Upstreams(GatewayConfig config, Vertx vertx) {
        clients.put(Service.CONTACT_POINTS, new UpstreamClient(Service.CONTACT_POINTS, config.upstreams().contactPoints(),
                config.resilience().contactPoints(), vertx));
        clients.put(Service.CONSULTATIONS, new UpstreamClient(Service.CONSULTATIONS, config.upstreams().consultations(),
                config.resilience().consultations(), vertx));
        clients.put(Service.SEMINARS, new UpstreamClient(Service.SEMINARS, config.upstreams().seminars(),
                config.resilience().seminars(), vertx));
    }

    public UpstreamClient get(Service service) {
        return clients.get(service);
    }

    public Map<Service, UpstreamClient> all() {
        return clients;
    }

    @PreDestroy
    void close() {
        clients.values().forEach(UpstreamClient::close);
    }
}
