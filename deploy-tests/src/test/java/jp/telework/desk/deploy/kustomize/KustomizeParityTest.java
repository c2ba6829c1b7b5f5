package jp.telework.desk.deploy.kustomize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import jp.telework.desk.deploy.support.Json;
import jp.telework.desk.deploy.support.Overlays;
import jp.telework.desk.deploy.support.Repo;
import jp.telework.desk.deploy.support.Yaml;

/**
 * The renderer against a real kustomize, where one is installed ({@code kustomize} or {@code kubectl},
 * which embeds it; skipped otherwise): same objects, same order, same content, for every overlay and
 * for the base.
 */
class KustomizeParityTest {

    @ParameterizedTest
    @ValueSource(strings = {"k8s/base", "k8s/overlays/dev", "k8s/overlays/prod"})
    void rendersWhatKustomizeRenders(String dir) throws Exception {
        Optional<List<String>> command = realKustomize();
        assumeTrue(command.isPresent(), "no kustomize or kubectl on PATH");

        List<String> cmd = new ArrayList<>(command.get());
        cmd.add(Repo.path(dir).toString());
        Process process = new ProcessBuilder(cmd).redirectErrorStream(false).start();
        byte[] out = process.getInputStream().readAllBytes();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "kustomize did not finish");
        assertEquals(0, process.exitValue(), "kustomize failed: " + err);

        List<JsonNode> expected = Yaml.loadAll(new String(out, StandardCharsets.UTF_8));
        List<ObjectNode> actual = dir.startsWith("k8s/overlays/")
                ? Overlays.render(dir.substring("k8s/overlays/".length()))
                : Kustomize.build(Repo.path(dir));

        assertEquals(ids(expected), ids(actual), "objects and their order");
        for (int i = 0; i < expected.size(); i++) {
            JsonNode e = expected.get(i);
            JsonNode a = actual.get(i);
            assertTrue(Json.same(e, a), () -> Json.describe(e) + " differs:\nkustomize: " + e + "\nrenderer:  " + a);
        }
    }

    private static List<String> ids(List<? extends JsonNode> docs) {
        return docs.stream().map(d -> d.path("apiVersion").asText() + " " + Json.describe(d)).toList();
    }

    static Optional<List<String>> realKustomize() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String entry : path.split(java.io.File.pathSeparator)) {
            Path dir = Path.of(entry);
            if (Files.isExecutable(dir.resolve("kustomize"))) {
                return Optional.of(List.of(dir.resolve("kustomize").toString(), "build"));
            }
        }
        for (String entry : path.split(java.io.File.pathSeparator)) {
            Path dir = Path.of(entry);
            if (Files.isExecutable(dir.resolve("kubectl")) && works(dir.resolve("kubectl"))) {
                return Optional.of(List.of(dir.resolve("kubectl").toString(), "kustomize"));
            }
        }
        return Optional.empty();
    }

    private static boolean works(Path kubectl) {
        try {
            Process p = new ProcessBuilder(kubectl.toString(), "kustomize", "--help")
                    .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
