package jp.telework.desk.deploy.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import jp.telework.desk.deploy.support.Repo;

/** docker-compose.yml (and the optional override) against the Compose specification's JSON Schema. */
class ComposeSchemaTest {

    @ParameterizedTest
    @ValueSource(strings = {"docker-compose.yml", "docker/compose.kafka-host.yml"})
    void theComposeFilesMatchTheComposeSpecification(String file) {
        ComposeFile compose = ComposeFile.load(file);
        assertEquals(List.of(), compose.schemaViolations());
        assertEquals(List.of(), compose.interpolationProblems(), "every variable has a default; $ is escaped as $$");
    }

    @Test
    void theSchemaIsTheUnmodifiedCopyNamedInSourceMd() throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("compose-spec/compose-spec.json")) {
            String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
            assertEquals("56bab44c85c0ce8affb74474950293f37d510673283a243bcd7eeadb900fa35c", sha256);
            assertTrue(new String(getClass().getClassLoader().getResourceAsStream("compose-spec/SOURCE.md")
                    .readAllBytes()).contains(sha256));
        }
    }

    // ---- the schema check can fail ----------------------------------------------------------------------

    @Test
    void anUnknownServiceKeyIsRejected() {
        assertInvalid("""
                services:
                  a:
                    image: x
                    healthchek:
                      test: ["CMD", "true"]
                """);
    }

    @Test
    void anUnknownDependsOnConditionIsRejected() {
        assertInvalid("""
                services:
                  a:
                    image: x
                    depends_on:
                      b:
                        condition: service_ready
                  b:
                    image: y
                """);
    }

    @Test
    void aMalformedDurationOrPortIsRejected() {
        assertInvalid("""
                services:
                  a:
                    image: x
                    healthcheck:
                      test: ["CMD", "true"]
                      interval: ten seconds
                """);
        assertInvalid("""
                services:
                  a:
                    image: x
                    ports:
                      - "80:80:80:80"
                """);
        assertInvalid("""
                services:
                  a:
                    image: x
                    ports:
                      - target: "8080"
                """);
    }

    @Test
    void aValidFileIsAccepted() {
        ComposeFile ok = ComposeFile.parse("inline", """
                services:
                  a:
                    image: x
                    ports:
                      - "127.0.0.1:8080:8080/tcp"
                    healthcheck:
                      test: ["CMD", "true"]
                      interval: 1m30s
                """);
        assertEquals(List.of(), ok.schemaViolations());
    }

    @Test
    void interpolationFollowsCompose() {
        ComposeFile f = ComposeFile.parse("inline", """
                services:
                  a:
                    image: x:${TAG:-1.0}
                    command: ["sh", "-c", "echo $$HOME ${UNSET-}"]
                    environment:
                      A: ${NO_DEFAULT}
                """);
        assertEquals("x:1.0", f.service("a").path("image").asText());
        assertEquals("echo $HOME ", f.service("a").path("command").get(2).asText());
        assertEquals(1, f.interpolationProblems().size(), f.interpolationProblems().toString());
        assertFalse(ComposeFile.parse("inline", "services:\n  a:\n    image: \"$ x\"\n").interpolationProblems()
                .isEmpty(), "a lone $ is an invalid interpolation");
    }

    private static void assertInvalid(String yaml) {
        assertFalse(ComposeFile.parse("inline", yaml).schemaViolations().isEmpty(), "accepted:\n" + yaml);
    }

    static String compose() {
        return Repo.read("docker-compose.yml");
    }
}
