package jp.telework.desk.deploy.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * seminar-service writes absolute links (the calendar feed) from TELEWORK_PUBLIC_BASE_URL, never from a
 * request: it must name the host the API's HTTPRoute answers on, over HTTPS, in every overlay.
 */
class PublicAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theCalendarFeedLinksToTheApisPublicHostname(String overlay) {
        Manifests m = Manifests.of(overlay);
        JsonNode route = m.raw("HTTPRoute").stream().filter(r -> "telework-api".equals(r.path("metadata").path("name").asText()))
                .findFirst().orElseThrow();
        String hostname = route.path("spec").path("hostnames").path(0).asText();
        Deployment seminars = m.named(Deployment.class, "seminar-service").orElseThrow();
        ContainerEnvironment env = ContainerEnvironment.of(seminars.getSpec().getTemplate().getSpec().getContainers().get(0), m);
        assertEquals("https://" + hostname, env.value("TELEWORK_PUBLIC_BASE_URL").orElse(null), overlay);
    }
}
