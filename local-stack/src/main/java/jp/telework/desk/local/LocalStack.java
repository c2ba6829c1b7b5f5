package jp.telework.desk.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import jp.telework.desk.infra.Dirs;
import jp.telework.desk.infra.InfraException;
import jp.telework.desk.infra.Java;
import jp.telework.desk.infra.KeycloakTokens;
import jp.telework.desk.infra.ManagedProcess;

/**
 * {@code ./local-stack.sh}: starts the whole system on this machine without Docker and keeps it
 * running until Ctrl-C (or {@code ./local-stack.sh stop}); data lives under .local-stack/.
 */
public final class LocalStack {
    private static final long STARTED = System.nanoTime();

    private LocalStack() {
    }

    public static void main(String[] args) {
        try {
            Java.requireMinimum();
            Path repository = Path.of(System.getProperty("telework.repository", ".")).toAbsolutePath().normalize();
            StackConfig config = StackConfig.from(System.getenv(), repository);
            Dirs.create(config.home());
            Files.writeString(config.home().resolve("launcher.pid"), Long.toString(ProcessHandle.current().pid()));
            Stack stack = new Stack(config, true, LocalStack::progress).start();
            printSummary(stack);
            Thread.currentThread().join(); // the shutdown hook stops every process on Ctrl-C or SIGTERM
        } catch (InfraException | IOException e) {
            System.err.println();
            System.err.println("FAILED: " + e.getMessage());
            ManagedProcess.stopAll();
            System.exit(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void progress(String line) {
        System.out.printf("[%6.1fs] %s%n", (System.nanoTime() - STARTED) / 1e9, line);
    }

    private static void printSummary(Stack stack) {
        StackConfig config = stack.config();
        String gw = stack.gatewayUrl();
        String issuer = stack.keycloak().issuer();
        System.out.println();
        System.out.printf("==> READY in %.1f s%n", (System.nanoTime() - STARTED) / 1e9);
        System.out.println("    gateway          " + gw + "/api/v1/contact-points");
        System.out.println("    Swagger UI       " + gw + "/q/swagger-ui  (all services' OpenAPI documents)");
        for (Stack.Service s : Stack.SERVICES) {
            if (s.database() != null) {
                System.out.printf("    %-16s %s/q/swagger-ui  (OpenAPI %s/q/openapi)%n", s.name(), stack.url(s.name()), stack.url(s.name()));
            }
        }
        System.out.println("    Keycloak         " + stack.keycloak().baseUrl() + "/admin  (local demo admin: admin / admin; realm telework)");
        System.out.println("    logs             " + config.home().resolve("logs") + " (and postgres/, kafka/, keycloak/)");
        System.out.println();
        System.out.println("    demo users, password '" + KeycloakTokens.DEMO_PASSWORD + "': sme-a (Tokyo SME), sme-b (Osaka SME), "
                + "sme-c (Shimane SME), assoc-tokyo, assoc-osaka, assoc-okayama, secretariat");
        System.out.println("    dashboard client: " + KeycloakTokens.DASHBOARD_CLIENT + " / " + KeycloakTokens.DASHBOARD_SECRET);
        System.out.println("    get a token and call the gateway:");
        System.out.println("      TOKEN=$(curl -s -d grant_type=password -d client_id=" + KeycloakTokens.PORTAL_CLIENT
                + " -d username=sme-a -d password=demo " + issuer + "/protocol/openid-connect/token"
                + " | sed 's/.*\"access_token\":\"\\([^\"]*\\)\".*/\\1/')");
        System.out.println("      curl -H \"Authorization: Bearer $TOKEN\" " + gw + "/api/v1/consultations");
        System.out.println();
        System.out.println("    Ctrl-C (or ./local-stack.sh stop) stops everything; data stays in " + config.home());
    }
}
