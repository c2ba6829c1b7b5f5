package jp.telework.desk.common.testapp;

import io.quarkus.test.common.QuarkusTestResource;
import jp.telework.desk.infra.test.KafkaTestResource;
import jp.telework.desk.infra.test.PostgresTestResource;

/** common-data's focused tests run against a real PostgreSQL and Kafka broker (no Keycloak). */
@QuarkusTestResource(value = PostgresTestResource.class, parallel = true)
@QuarkusTestResource(value = KafkaTestResource.class, parallel = true)
public final class DataInfra {
    private DataInfra() {
    }
}
