package jp.telework.desk.consultation;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import jp.telework.desk.infra.test.KafkaTestResource;
import jp.telework.desk.infra.test.KeycloakTestResource;
import jp.telework.desk.infra.test.PostgresTestResource;

/** Every test of this module runs against a real PostgreSQL, Kafka broker and Keycloak. */
@QuarkusTestResource(value = PostgresTestResource.class, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "consultations"))
@QuarkusTestResource(value = KafkaTestResource.class, parallel = true)
@QuarkusTestResource(value = KeycloakTestResource.class, parallel = true)
public final class InfraResources {
    private InfraResources() {
    }
}
