package jp.telework.desk.deploy.kustomize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.telework.desk.deploy.support.Json;
import jp.telework.desk.deploy.support.Yaml;

/**
 * The renderer's features one by one, with expected outputs taken from kustomize v5.5.0
 * ({@code kubectl kustomize}), so they hold on machines without kustomize too.
 */
class KustomizeRendererTest {

    @TempDir
    Path dir;

    private List<ObjectNode> build(Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path p = dir.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue());
        }
        return Kustomize.build(dir);
    }

    private static ObjectNode find(List<ObjectNode> docs, String kind) {
        return docs.stream().filter(d -> kind.equals(d.path("kind").asText())).findFirst().orElseThrow();
    }

    static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: d
            spec:
              selector:
                matchLabels: {app: d}
              template:
                metadata:
                  labels: {app: d}
                spec:
                  containers:
                  - name: c
                    image: telework-desk/x
                    envFrom:
                    - configMapRef: {name: common}
                    env:
                    - name: P
                      valueFrom:
                        secretKeyRef: {name: s, key: password}
            """;

    @Test
    void generatedNamesCarryKustomizesContentHashAndReferencesFollow() throws IOException {
        List<ObjectNode> docs = build(Map.of("kustomization.yaml", """
                resources: [dep.yaml]
                configMapGenerator:
                - name: common
                  literals: ["A=1", "B=<x&y>"]
                secretGenerator:
                - name: s
                  type: kubernetes.io/basic-auth
                  literals: [username=u, password=p]
                """, "dep.yaml", DEPLOYMENT));
        // the names kustomize v5.5.0 gives these exact objects
        assertEquals("common-kh7f5d858d", Json.text(find(docs, "ConfigMap"), "metadata/name"));
        assertEquals("s-gfbh87f95h", Json.text(find(docs, "Secret"), "metadata/name"));
        assertEquals("cA==", find(docs, "Secret").at("/data/password").asText());
        JsonNode container = find(docs, "Deployment").at("/spec/template/spec/containers/0");
        assertEquals("common-kh7f5d858d", container.at("/envFrom/0/configMapRef/name").asText());
        assertEquals("s-gfbh87f95h", container.at("/env/0/valueFrom/secretKeyRef/name").asText());
        assertEquals("89g4tffbfk", NameHash.of(Yaml.load("kind: ConfigMap\ndata: {A: \"1\"}\n")));
        assertEquals(List.of("ConfigMap", "Secret", "Deployment"),
                docs.stream().map(d -> d.path("kind").asText()).toList(), "kustomize's legacy order");
    }

    @Test
    void namespaceLabelsReplicasAndImages() throws IOException {
        List<ObjectNode> docs = build(Map.of("kustomization.yaml", """
                namespace: demo
                labels:
                - pairs: {app.kubernetes.io/part-of: telework-desk}
                  includeTemplates: true
                resources: [ns.yaml, dep.yaml]
                replicas:
                - name: d
                  count: 3
                images:
                - name: telework-desk/x
                  newName: registry.example/telework-desk/x
                  newTag: "1.0"
                """, "ns.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: whatever\n",
                "dep.yaml", DEPLOYMENT.replace("envFrom:", "envFromX:").replace("- configMapRef: {name: common}",
                        "- x: y").replace("env:", "envX:")));
        ObjectNode ns = find(docs, "Namespace");
        assertEquals("demo", Json.text(ns, "metadata/name"), "kustomize renames the Namespace object");
        ObjectNode d = find(docs, "Deployment");
        assertEquals("demo", Json.text(d, "metadata/namespace"));
        assertEquals("telework-desk", d.at("/metadata/labels/app.kubernetes.io~1part-of").asText());
        assertEquals("telework-desk", d.at("/spec/template/metadata/labels/app.kubernetes.io~1part-of").asText());
        assertFalse(d.at("/spec/selector/matchLabels").has("app.kubernetes.io/part-of"), "selectors untouched");
        assertEquals(3, d.at("/spec/replicas").asInt());
        assertEquals("registry.example/telework-desk/x:1.0", d.at("/spec/template/spec/containers/0/image").asText());
    }

    @Test
    void strategicMergeAndJson6902Patches() throws IOException {
        List<ObjectNode> docs = build(Map.of(
                "base/kustomization.yaml", "resources: [dep.yaml, cr.yaml]\n",
                "base/dep.yaml", DEPLOYMENT,
                "base/cr.yaml", """
                        apiVersion: example.com/v1
                        kind: Thing
                        metadata: {name: t}
                        spec:
                          list: [a, b]
                          map: {keep: 1, drop: 2}
                        """,
                "kustomization.yaml", """
                        resources: [base]
                        patches:
                        - patch: |-
                            apiVersion: example.com/v1
                            kind: Thing
                            metadata: {name: t}
                            spec:
                              list: [c]
                              map: {drop: null, add: 3}
                        - patch: |-
                            apiVersion: apps/v1
                            kind: Deployment
                            metadata: {name: d}
                            spec:
                              template:
                                spec:
                                  containers:
                                  - name: c
                                    image: other
                                  - name: sidecar
                                    image: s
                        - target: {kind: Deployment, name: "^d$"}
                          patch: |-
                            - op: test
                              path: /spec/template/spec/containers/0/name
                              value: c
                            - op: add
                              path: /spec/template/spec/containers/0/env/-
                              value: {name: Q, value: "1"}
                            - op: remove
                              path: /spec/template/spec/containers/1
                        """));
        ObjectNode thing = find(docs, "Thing");
        assertEquals("[\"c\"]", thing.at("/spec/list").toString(), "custom resources: lists are replaced");
        assertEquals("{\"keep\":1,\"add\":3}", thing.at("/spec/map").toString(), "maps merge, null deletes");
        JsonNode containers = find(docs, "Deployment").at("/spec/template/spec/containers");
        assertEquals(1, containers.size());
        assertEquals("other", containers.get(0).path("image").asText(), "containers merge by name");
        assertEquals("P", containers.at("/0/env/0/name").asText(), "the rest of the container stays");
        assertEquals("Q", containers.at("/0/env/1/name").asText());
    }

    @Test
    void generatorsMergeAcrossLevels() throws IOException {
        List<ObjectNode> docs = build(Map.of(
                "base/kustomization.yaml", "configMapGenerator:\n- name: c\n  literals: [A=1, B=2]\n",
                "kustomization.yaml", """
                        resources: [base]
                        configMapGenerator:
                        - name: c
                          behavior: merge
                          literals: [B=3, C=4]
                        """));
        ObjectNode cm = find(docs, "ConfigMap");
        assertEquals("{\"A\":\"1\",\"B\":\"3\",\"C\":\"4\"}", cm.get("data").toString());
        assertEquals("c-k45267997d", Json.text(cm, "metadata/name"), "hashed once, over the merged data");
    }

    @Test
    void jsonPatchFailsLoudly() {
        ObjectNode doc = (ObjectNode) Yaml.load("a: {b: [1, 2]}");
        ArrayNode failingTest = (ArrayNode) Yaml.load("- {op: test, path: /a/b/0, value: 2}");
        assertThrows(IllegalArgumentException.class, () -> JsonPatch.apply(doc, failingTest, "t"));
        ArrayNode missing = (ArrayNode) Yaml.load("- {op: remove, path: /a/c}");
        assertThrows(IllegalArgumentException.class, () -> JsonPatch.apply(doc, missing, "t"));
        ArrayNode outOfBounds = (ArrayNode) Yaml.load("- {op: replace, path: /a/b/5, value: 1}");
        assertThrows(IllegalArgumentException.class, () -> JsonPatch.apply(doc, outOfBounds, "t"));
        ArrayNode ok = (ArrayNode) Yaml.load("""
                - {op: move, from: /a/b/0, path: /a/first}
                - {op: copy, from: /a/first, path: /a/b/-}
                - {op: add, path: /a~1x, value: y}
                """);
        assertEquals("{\"a\":{\"b\":[2,1],\"first\":1},\"a/x\":\"y\"}", JsonPatch.apply(doc, ok, "t").toString());
    }

    @Test
    void whatTheRendererDoesNotImplementIsRefused() throws IOException {
        Files.writeString(dir.resolve("kustomization.yaml"), "namePrefix: x-\n");
        assertThrows(UnsupportedOperationException.class, () -> Kustomize.build(dir));
        Files.writeString(dir.resolve("kustomization.yaml"),
                "labels:\n- pairs: {a: b}\n  includeSelectors: true\n");
        assertThrows(UnsupportedOperationException.class, () -> Kustomize.build(dir));
        Files.writeString(dir.resolve("kustomization.yaml"), "resources: [https://github.com/x/y]\n");
        assertThrows(UnsupportedOperationException.class, () -> Kustomize.build(dir));
    }

    @Test
    void yamlIsReadAsYaml12() {
        JsonNode node = Yaml.load("a: on\nb: 0755\nc: 10:30\nd: 2024-01-01\ne: true\nf: 1.5\ng: ~\n");
        assertEquals("on", node.get("a").asText());
        assertTrue(node.get("a").isTextual() && node.get("b").isTextual() && node.get("c").isTextual()
                && node.get("d").isTextual());
        assertTrue(node.get("e").isBoolean() && node.get("f").isNumber() && node.get("g").isNull());
        assertThrows(RuntimeException.class, () -> Yaml.load("a: 1\na: 2\n"), "duplicate keys");
    }
}
