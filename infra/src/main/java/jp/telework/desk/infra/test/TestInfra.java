package jp.telework.desk.infra.test;

import org.eclipse.microprofile.config.ConfigProvider;

import jp.telework.desk.infra.KeycloakTokens;

/** From inside a {@code @QuarkusTest}: the real Keycloak and Kafka the test resources started. */
public final class TestInfra {
    private TestInfra() {
    }

    public static KeycloakTokens tokens() {
        return new KeycloakTokens(config("telework.test.keycloak.issuer"));
    }

    public static String kafka() {
        return config("kafka.bootstrap.servers");
    }

    public static TopicProbe probe(String... topics) {
        return new TopicProbe(kafka(), topics);
    }

    private static String config(String name) {
        return ConfigProvider.getConfig().getValue(name, String.class);
    }
}
