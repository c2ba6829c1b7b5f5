package jp.telework.desk.infra.test;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jp.telework.desk.infra.Dirs;
import jp.telework.desk.infra.KeycloakServer;
import jp.telework.desk.infra.Ports;

/**
 * A real Keycloak with the repository's realm. Tests get tokens through
 * {@code new KeycloakTokens(config "telework.test.keycloak.issuer")}.
 */
public class KeycloakTestResource implements QuarkusTestResourceLifecycleManager {
    private KeycloakServer server;

    @Override
    public Map<String, String> start() {
        var workDir = Dirs.testWorkDir("keycloak");
        // the unpacked distribution is kept between runs; its database is not
        server = KeycloakServer.start(workDir, Ports.free(), Ports.free(), true);
        return Map.of(
                "quarkus.oidc.auth-server-url", server.issuer(),
                "telework.test.keycloak.issuer", server.issuer());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
