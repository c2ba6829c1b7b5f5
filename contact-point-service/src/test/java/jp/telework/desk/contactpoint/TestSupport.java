package jp.telework.desk.contactpoint;

import org.eclipse.microprofile.config.ConfigProvider;

import jp.telework.desk.infra.KeycloakTokens;

/** Access to the real infrastructure the test resources started. */
final class TestSupport {
    private TestSupport() {
    }

    static KeycloakTokens tokens() {
        return new KeycloakTokens(config("telework.test.keycloak.issuer"));
    }

    static String kafka() {
        return config("kafka.bootstrap.servers");
    }

    private static String config(String name) {
        return ConfigProvider.getConfig().getValue(name, String.class);
    }
}
