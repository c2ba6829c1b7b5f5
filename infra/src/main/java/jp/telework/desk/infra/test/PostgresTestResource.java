package jp.telework.desk.infra.test;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jp.telework.desk.infra.Dirs;
import jp.telework.desk.infra.PostgresServer;
import jp.telework.desk.infra.Ports;
import jp.telework.desk.infra.shared.Fresh;
import jp.telework.desk.infra.shared.SharedInfra;

/**
 * A real PostgreSQL for a module's tests with a fresh database: the build's shared server (see
 * {@link SharedInfra}), where the database is dropped and re-created for the module, or with
 * {@code TELEWORK_TEST_INFRA=isolated} a server of its own. Init arg {@code database} names the
 * database (default {@code app}).
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {
    private PostgresServer server;
    private String database = "app";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        int port;
        if (SharedInfra.enabled()) {
            SharedInfra infra = SharedInfra.get();
            SharedInfra.Server pg = infra.ensure("postgres");
            port = pg.port();
            Fresh.database(port, database);
            if (!pg.started()) {
                infra.console("reusing PostgreSQL on 127.0.0.1:" + port + " for " + SharedInfra.module()
                        + ": database " + database + " dropped and re-created");
            }
        } else {
            var workDir = Dirs.testWorkDir("postgres");
            Dirs.delete(workDir.resolve("data"));
            server = PostgresServer.start(workDir, Ports.free(), false);
            server.createDatabase(database);
            port = server.port();
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + port + "/" + database,
                "quarkus.datasource.username", PostgresServer.USER,
                "quarkus.datasource.password", "test",
                "telework.test.postgres.port", Integer.toString(port));
    }

    @Override
    public void stop() {
        // a shared server stays up for the next module; the keeper stops it when the build ends
        if (server != null) {
            server.stop();
        }
    }
}
