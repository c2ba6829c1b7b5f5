package jp.telework.desk.gateway;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jp.telework.desk.infra.test.TestInfra;

/** Real Keycloak tokens of the demo users, fetched once and reused while they are fresh. */
public final class Tokens {
    public static final String DASHBOARD = "dashboard-client";
    private static final long REUSE_MILLIS = 120_000; // tokens live 300 s
    private static final Map<String, Fresh> CACHE = new ConcurrentHashMap<>();

    private Tokens() {
    }

    /** A demo user's token, or {@link #DASHBOARD} for the dashboard's client-credentials token. */
    public static String of(String who) {
        Fresh f = CACHE.get(who);
        if (f == null || System.currentTimeMillis() - f.at > REUSE_MILLIS) {
            String token = DASHBOARD.equals(who) ? TestInfra.tokens().clientCredentials() : TestInfra.tokens().password(who);
            f = new Fresh(token, System.currentTimeMillis());
            CACHE.put(who, f);
        }
        return f.token;
    }

    private record Fresh(String token, long at) {
    }
}
