package jp.telework.desk.contactpoint;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.Unremovable;
import io.quarkus.oidc.common.OidcEndpoint;
import io.quarkus.oidc.common.OidcRequestFilter;

/** Counts the calls this service makes to Keycloak's token introspection endpoint (there must be none). */
@ApplicationScoped
@Unremovable
@OidcEndpoint(OidcEndpoint.Type.INTROSPECTION)
public class OidcCalls implements OidcRequestFilter {
    static final AtomicInteger INTROSPECTIONS = new AtomicInteger();

    @Override
    public void filter(OidcRequestContext requestContext) {
        INTROSPECTIONS.incrementAndGet();
    }
}
