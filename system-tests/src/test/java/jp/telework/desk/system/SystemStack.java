package jp.telework.desk.system;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jp.telework.desk.infra.Dirs;
import jp.telework.desk.infra.KeycloakTokens;
import jp.telework.desk.infra.Ports;
import jp.telework.desk.local.Stack;
import jp.telework.desk.local.StackConfig;

/**
 * The whole system, started once per test JVM as separate processes on free loopback ports, exactly
 * as the local stack runs it; stopped by the JVM's shutdown hook.
 */
final class SystemStack {
    /** Access tokens live 300 s in the realm; a cached one is renewed well before that. */
    private static final long TOKEN_REUSE_MILLIS = 180_000;

    private static Stack stack;
    private static long startMillis;
    private static final Map<String, CachedToken> TOKENS = new ConcurrentHashMap<>();

    private record CachedToken(String token, long obtainedAt) {
    }

    private SystemStack() {
    }

    static synchronized Stack get() {
        if (stack == null) {
            Map<String, String> env = new LinkedHashMap<>();
            StackConfig.DEFAULT_PORTS.keySet().forEach(name -> env.put(name, Integer.toString(Ports.free())));
            Path home = Dirs.testWorkDir("stack");
            Dirs.delete(home);
            env.put("TELEWORK_HOME", home.toString());
            Path repository = Path.of(System.getProperty("telework.repository", "..")).toAbsolutePath().normalize();
            long t0 = System.nanoTime();
            stack = new Stack(StackConfig.from(env, repository), false, line -> System.out.println("[stack] " + line)).start();
            startMillis = (System.nanoTime() - t0) / 1_000_000;
            System.out.println("[stack] whole system ready in " + startMillis + " ms");
        }
        return stack;
    }

    static long startMillis() {
        return startMillis;
    }

    static KeycloakTokens tokens() {
        return new KeycloakTokens(get().keycloak().issuer());
    }

    static String gateway() {
        return get().gatewayUrl();
    }

    static String kafka() {
        return get().kafka().bootstrapServers();
    }

    /**
     * A token of a demo user ({@code sme-a}, {@code assoc-tokyo}, {@code secretariat}, ...) or of the
     * dashboard client ({@code dashboard}), reused while it is fresh.
     */
    static String token(String user) {
        long now = System.currentTimeMillis();
        CachedToken cached = TOKENS.get(user);
        if (cached == null || now - cached.obtainedAt() > TOKEN_REUSE_MILLIS) {
            String token = "dashboard".equals(user) ? tokens().clientCredentials() : tokens().password(user);
            cached = new CachedToken(token, now);
            TOKENS.put(user, cached);
        }
        return cached.token();
    }

    /** After Keycloak restarted (it may sign with new keys): log in again. */
    static void forgetTokens() {
        TOKENS.clear();
    }
}
