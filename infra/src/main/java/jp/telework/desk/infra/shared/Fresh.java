package jp.telework.desk.infra.shared;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.GroupNotEmptyException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jp.telework.desk.infra.InfraException;
import jp.telework.desk.infra.KeycloakServer;
import jp.telework.desk.infra.PostgresServer;

/**
 * What a module gets when it claims a shared server: nothing another module left behind. Each
 * operation is what the module's own fresh server used to give it.
 */
public final class Fresh {
    /** The bootstrap admin the keeper's Keycloak creates on its (always fresh) database; local only. */
    static final String ADMIN_USER = "admin";
    static final String ADMIN_PASSWORD = "admin";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(60);

    private Fresh() {
    }

    /** Drops the database (closing whatever connections are left) and creates it empty. */
    public static void database(int port, String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new InfraException("invalid database name: " + name);
        }
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", PostgresServer.USER, "");
             Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new InfraException("cannot re-create database " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Deletes every topic and consumer group of the broker, then creates the given topics empty (3
     * partitions, as {@code KafkaBroker#createTopics}). Topic names and group ids are fixed in the
     * services' configuration, so a module can only be kept from an earlier module's events by
     * emptying the broker; modules run one after another, so nobody else is using it meanwhile.
     */
    public static void topics(String bootstrapServers, Collection<String> names) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
        long deadline = System.nanoTime() + KAFKA_TIMEOUT.toNanos();
        try (Admin admin = Admin.create(props)) {
            deleteGroups(admin, deadline);
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            if (!existing.isEmpty()) {
                try {
                    admin.deleteTopics(existing).all().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                        throw e;
                    }
                }
            }
            for (String name : names) {
                createWhenDeleted(admin, name, deadline);
            }
            while (true) {
                try {
                    requireEmpty(admin, names);
                    break;
                } catch (ExecutionException e) {
                    // new topics take a moment to have leaders everywhere
                    if (!(e.getCause() instanceof RetriableException) || System.nanoTime() > deadline) {
                        throw e;
                    }
                    Thread.sleep(200);
                }
            }
        } catch (ExecutionException e) {
            throw new InfraException("cannot reset the Kafka topics: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new InfraException("Kafka did not answer while its topics were reset", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfraException("interrupted while resetting the Kafka topics");
        }
    }

    private static void deleteGroups(Admin admin, long deadline)
            throws InterruptedException, ExecutionException, TimeoutException {
        while (true) {
            List<String> groups = admin.listGroups().all().get(30, TimeUnit.SECONDS).stream()
                    .map(GroupListing::groupId).toList();
            if (groups.isEmpty()) {
                return;
            }
            try {
                admin.deleteConsumerGroups(groups).all().get(30, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException e) {
                if (e.getCause() instanceof GroupIdNotFoundException) {
                    continue;
                }
                if (!(e.getCause() instanceof GroupNotEmptyException) || System.nanoTime() > deadline) {
                    throw e;
                }
                // members of a test JVM that just ended are still being expired
                Thread.sleep(500);
            }
        }
    }

    private static void createWhenDeleted(Admin admin, String name, long deadline)
            throws InterruptedException, ExecutionException, TimeoutException {
        while (true) {
            try {
                admin.createTopics(List.of(new NewTopic(name, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException e) {
                // still being deleted ("marked for deletion")
                if (!(e.getCause() instanceof TopicExistsException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }

    private static void requireEmpty(Admin admin, Collection<String> names)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (var d : admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS).values()) {
            d.partitions().forEach(p -> latest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest()));
        }
        var offsets = admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS);
        String notEmpty = offsets.entrySet().stream().filter(e -> e.getValue().offset() != 0)
                .map(e -> e.getKey() + "@" + e.getValue().offset()).collect(Collectors.joining(", "));
        if (!notEmpty.isEmpty()) {
            throw new InfraException("topics not empty after re-creation: " + notEmpty);
        }
    }

    /** {@code telework-<module>}: a module's own copy of the realm on the shared Keycloak. */
    public static String realmName(String module) {
        return KeycloakServer.REALM + "-" + module.toLowerCase().replaceAll("[^a-z0-9-]", "-");
    }

    /**
     * Imports the repository's realm under another name (deleting an earlier copy of that name), so
     * the module sees nothing another module changed. Returns the copy's issuer.
     */
    public static String realm(String baseUrl, String name) {
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9_-]*")) {
            throw new InfraException("invalid realm name: " + name);
        }
        ObjectNode realm;
        try (InputStream in = KeycloakServer.class.getResourceAsStream("keycloak/telework-realm.json")) {
            if (in == null) {
                throw new InfraException("realm file missing from the infra jar");
            }
            realm = (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new InfraException("cannot read the realm file: " + e.getMessage(), e);
        }
        realm.put("realm", name);
        realm.remove("id");
        String token = adminToken(baseUrl);
        HttpResponse<String> deleted = send(HttpRequest.newBuilder(URI.create(baseUrl + "/admin/realms/" + name))
                .header("Authorization", "Bearer " + token).DELETE());
        if (deleted.statusCode() != 204 && deleted.statusCode() != 404) {
            throw new InfraException("cannot delete the realm copy " + name + ": " + deleted.statusCode() + " " + deleted.body());
        }
        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(baseUrl + "/admin/realms"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(realm.toString())));
        if (created.statusCode() != 201) {
            throw new InfraException("cannot import the realm copy " + name + ": " + created.statusCode() + " " + created.body());
        }
        return baseUrl + "/realms/" + name;
    }

    private static String adminToken(String baseUrl) {
        String form = Map.of("grant_type", "password", "client_id", "admin-cli", "username", ADMIN_USER,
                "password", ADMIN_PASSWORD).entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(baseUrl + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
        if (r.statusCode() != 200) {
            throw new InfraException("Keycloak admin login failed: " + r.statusCode() + " " + r.body());
        }
        try {
            JsonNode json = JSON.readTree(r.body());
            return json.get("access_token").asText();
        } catch (IOException e) {
            throw new InfraException("Keycloak admin login: unreadable answer", e);
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new InfraException("Keycloak unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfraException("interrupted");
        }
    }
}
