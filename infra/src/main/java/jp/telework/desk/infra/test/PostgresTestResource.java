package jp.telework.desk.infra.test;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jp.telework.desk.infra.Dirs;
import jp.telework.desk.infra.PostgresServer;
import jp.telework.desk.infra.Ports;

/**
 * A fresh real PostgreSQL for a module's tests. Init arg {@code database} names the database
 * (default {@code app}).
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
        var workDir = Dirs.testWorkDir("postgres");
        Dirs.delete(workDir.resolve("data"));
        server = PostgresServer.start(workDir, Ports.free(), false);
        server.createDatabase(database);
        return Map.of(
                "quarkus.datasource.jdbc.url", server.jdbcUrl(database),
                "quarkus.datasource.username", PostgresServer.USER,
                "quarkus.datasource.password", "test",
                "telework.test.postgres.port", Integer.toString(server.port()));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
