package jp.telework.desk.infra.test;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jp.telework.desk.infra.Dirs;
import jp.telework.desk.infra.KeycloakServer;
import jp.telework.desk.infra.Ports;
import jp.telework.desk.infra.shared.Fresh;
import jp.telework.desk.infra.shared.SharedInfra;

/**
 * A real Keycloak with the repository's realm. With the build's shared Keycloak (see
 * {@link SharedInfra}) the module gets a copy of its own, {@code telework-<module>}, imported anew
 * from {@code keycloak/telework-realm.json}; with {@code TELEWORK_TEST_INFRA=isolated} a server of
 * its own with the realm {@code telework}. Tests get tokens through
 * {@code new KeycloakTokens(config "telework.test.keycloak.issuer")}; the realm's name is only ever
 * known from that issuer.
 */
public class KeycloakTestResource implements QuarkusTestResourceLifecycleManager {
    private KeycloakServer server;

    @Override
    public Map<String, String> start() {
        String issuer;
        if (SharedInfra.enabled()) {
            SharedInfra infra = SharedInfra.get();
            SharedInfra.Server kc = infra.ensure("keycloak");
            String realm = Fresh.realmName(SharedInfra.module());
            String baseUrl = "http://127.0.0.1:" + kc.port();
            issuer = Fresh.realm(baseUrl, realm);
            infra.console(kc.started()
                    ? "realm copy " + realm + " imported for " + SharedInfra.module()
                    : "reusing Keycloak on 127.0.0.1:" + kc.port() + " for " + SharedInfra.module() + ": realm copy " + realm + " imported");
        } else {
            var workDir = Dirs.testWorkDir("keycloak");
            // the unpacked distribution is kept between runs; its database is not
            server = KeycloakServer.start(workDir, Ports.free(), Ports.free(), true);
            issuer = server.issuer();
        }
        return Map.of(
                "quarkus.oidc.auth-server-url", issuer,
                "telework.test.keycloak.issuer", issuer);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
