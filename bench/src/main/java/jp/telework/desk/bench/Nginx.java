package jp.telework.desk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jp.telework.desk.infra.ManagedProcess;
import jp.telework.desk.infra.Waits;

/**
 * nginx (Debian package) as a plain reverse proxy in front of one service, configured the way one
 * usually does it: worker_processes auto, keep-alive to the upstream, access log on (buffered), on
 * 127.0.0.1 only. Runs in the foreground as a child of the benchmark, with its files in the work folder.
 */
final class Nginx implements AutoCloseable {
    private final ManagedProcess process;
    private final int port;

    private Nginx(ManagedProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    static Nginx start(Path work, int port, String upstreamHostPort) {
        Path prefix = work.resolve("nginx");
        try {
            Files.createDirectories(prefix.resolve("logs"));
            Files.createDirectories(prefix.resolve("tmp"));
            String conf = """
                    worker_processes auto;
                    pid %1$s/nginx.pid;
                    error_log %1$s/logs/error.log warn;
                    events { worker_connections 4096; }
                    http {
                        access_log %1$s/logs/access.log combined buffer=64k flush=1s;
                        client_body_temp_path %1$s/tmp/body;
                        proxy_temp_path %1$s/tmp/proxy;
                        fastcgi_temp_path %1$s/tmp/fastcgi;
                        uwsgi_temp_path %1$s/tmp/uwsgi;
                        scgi_temp_path %1$s/tmp/scgi;
                        upstream service {
                            server %2$s;
                            keepalive 64;
                        }
                        server {
                            listen 127.0.0.1:%3$d;
                            location / {
                                proxy_pass http://service;
                                proxy_http_version 1.1;
                                proxy_set_header Connection "";
                                proxy_set_header Host $host;
                                proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                                proxy_set_header X-Forwarded-Proto $scheme;
                            }
                        }
                    }
                    """.formatted(prefix, upstreamHostPort, port);
            Path file = prefix.resolve("nginx.conf");
            Files.writeString(file, conf);
            ManagedProcess p = ManagedProcess.start("nginx", List.of(Cmd.which("nginx").toString(), "-p", prefix.toString(),
                    "-c", file.toString(), "-g", "daemon off;"), prefix, Map.of(), prefix.resolve("logs/nginx.out"), "QUIT");
            Nginx n = new Nginx(p, port);
            Waits.until("nginx on port " + port, Duration.ofSeconds(20),
                    () -> jp.telework.desk.local.Stack.status("http://127.0.0.1:" + port + "/q/openapi") == 200, p);
            return n;
        } catch (IOException e) {
            throw new BenchException("cannot configure nginx: " + e.getMessage(), e);
        } catch (BenchException e) {
            throw e;
        }
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.stop(Duration.ofSeconds(10));
    }
}
