package jp.telework.desk.gateway.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import jp.telework.desk.gateway.upstream.Upstreams;

/**
 * Reports each upstream's circuit breaker. Always UP: a service being down must not take the gateway
 * out of the load balancer, since the other routes keep working (that service's routes answer 503).
 */
@Readiness
@ApplicationScoped
public class UpstreamsHealthCheck implements HealthCheck {
    @Inject
    Upstreams upstreams;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder b = HealthCheckResponse.named("upstreams").up();
        upstreams.all().forEach((service, client) -> b.withData(service.slug(), client.breaker().state().name()));
        return b.build();
    }
}
