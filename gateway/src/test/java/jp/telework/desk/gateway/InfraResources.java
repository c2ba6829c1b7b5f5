package jp.telework.desk.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import jp.telework.desk.infra.test.KeycloakTestResource;

/**
 * Every @QuarkusTest of this module runs against the real Keycloak with the repository's realm, and
 * stand-ins of the three services on free ports (the gateway needs neither PostgreSQL nor Kafka).
 */
@QuarkusTestResource(value = KeycloakTestResource.class, parallel = true)
@QuarkusTestResource(value = StandInPorts.class, parallel = true)
public final class InfraResources {
    private InfraResources() {
    }
}
