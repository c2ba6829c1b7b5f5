package jp.telework.desk.deploy.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import jp.telework.desk.deploy.support.Json;
import jp.telework.desk.deploy.support.Repo;
import jp.telework.desk.deploy.support.Yaml;

/**
 * k8s/base/keycloak-realm-import.yaml carries the repository's realm file (keycloak/telework-realm.json),
 * the one definition of the realm every way of running uses. kustomize cannot inline a JSON file into a
 * custom resource's field, so the import is a generated copy and this test keeps it equal.
 * Regenerate it with {@code -Dtelework.realm-import.write=true}.
 */
class RealmImportTest {

    static final String REALM_FILE = "keycloak/telework-realm.json";
    static final String IMPORT_FILE = "k8s/base/keycloak-realm-import.yaml";

    @Test
    void theBaseImportCarriesExactlyTheRepositoryRealm() throws IOException {
        JsonNode realm = Json.MAPPER.readTree(Repo.read(REALM_FILE));
        if (Boolean.getBoolean("telework.realm-import.write")) {
            Files.writeString(Repo.path(IMPORT_FILE), generate(realm));
        }
        JsonNode imported = Yaml.load(Repo.path(IMPORT_FILE)).at("/spec/realm");
        assertTrue(Json.same(realm, imported), IMPORT_FILE + " differs from " + REALM_FILE + "; regenerate it: "
                + "./mvnw -B -pl deploy-tests test -Dtest=RealmImportTest -Dtelework.realm-import.write=true");
        assertEquals(generate(realm), Repo.read(IMPORT_FILE), "the generated form (regenerate it as above)");
    }

    @Test
    void devImportsTheRealmAsIs() throws IOException {
        JsonNode realm = Json.MAPPER.readTree(Repo.read(REALM_FILE));
        assertTrue(Json.same(realm, Manifests.of("dev").raw("KeycloakRealmImport").get(0).at("/spec/realm")));
    }

    @Test
    void prodImportsTheRealmWithoutItsDemoData() throws IOException {
        StrictKubernetes.Parsed parsed = Manifests.of("prod").all().stream()
                .filter(p -> "KeycloakRealmImport".equals(p.kind())).findFirst().orElseThrow();
        RealmRepresentation realm = parsed.as(RealmRepresentation.class);
        for (UserRepresentation user : realm.getUsers()) {
            assertTrue(user.getServiceAccountClientId() != null, "a person in the prod realm: " + user.getUsername());
            assertTrue(user.getCredentials() == null || user.getCredentials().isEmpty(), user.getUsername());
        }
        realm.getClients().forEach(c -> {
            assertTrue(c.getSecret() == null, "client secret of " + c.getClientId());
            assertTrue(!"telework-short-lived".equals(c.getClientId()), "the test client");
        });

        // everything else is the repository's realm: the same roles, clients, mappers and settings
        ObjectNode expected = (ObjectNode) Json.MAPPER.readTree(Repo.read(REALM_FILE));
        ArrayNode users = expected.putArray("users");
        Json.MAPPER.readTree(Repo.read(REALM_FILE)).get("users").forEach(u -> {
            if (u.hasNonNull("serviceAccountClientId")) {
                users.add(u);
            }
        });
        ArrayNode clients = expected.putArray("clients");
        Json.MAPPER.readTree(Repo.read(REALM_FILE)).get("clients").forEach(c -> {
            if (!"telework-short-lived".equals(c.path("clientId").asText())) {
                ObjectNode copy = c.deepCopy();
                copy.remove("secret");
                clients.add(copy);
            }
        });
        JsonNode actual = parsed.raw().at("/spec/realm").deepCopy();
        ((ObjectNode) actual.get("attributes")).remove("_comment");
        ((ObjectNode) expected.get("attributes")).remove("_comment");
        assertTrue(Json.same(expected, actual), "prod realm = repository realm minus the demo data");
    }

    /** The import file's text for a realm: a header, the resource, the realm as indented JSON (valid YAML). */
    static String generate(JsonNode realm) throws IOException {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n    "))
                .withArrayIndenter(new DefaultIndenter("  ", "\n    "))
                .withSeparators(com.fasterxml.jackson.core.util.Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(com.fasterxml.jackson.core.util.Separators.Spacing.AFTER));
        String body = Json.MAPPER.writer(printer).writeValueAsString(realm);
        return String.join("\n", List.of(
                "# GENERATED from keycloak/telework-realm.json - do not edit by hand. The realm file is the one",
                "# definition every way of running uses; deploy-tests (RealmImportTest) fails when this copy differs.",
                "# Regenerate: ./mvnw -B -pl deploy-tests test -Dtest=RealmImportTest -Dtelework.realm-import.write=true",
                "# The operator imports the realm once (an existing realm is not overwritten). k8s/overlays/prod",
                "# removes the demo users, the test client and the demo client secret from it.",
                "apiVersion: k8s.keycloak.org/v2alpha1",
                "kind: KeycloakRealmImport",
                "metadata:",
                "  name: telework-realm",
                "spec:",
                "  keycloakCRName: telework-keycloak",
                "  realm: " + body)) + "\n";
    }

    static Path importFile() {
        return Repo.path(IMPORT_FILE);
    }
}
