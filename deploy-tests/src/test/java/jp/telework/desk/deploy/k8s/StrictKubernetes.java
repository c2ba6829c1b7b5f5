package jp.telework.desk.deploy.k8s;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;

import org.keycloak.representations.idm.RealmRepresentation;

import jp.telework.desk.deploy.support.Json;

/**
 * Parses rendered manifests into typed objects with unknown fields rejected.
 *
 * <p>Built-in kinds and Gateway API routes become fabric8 kubernetes-model objects; Strimzi's Kafka,
 * KafkaNodePool and KafkaTopic become objects of the Strimzi API model (io.strimzi:api). Both models keep
 * unknown fields in an "additionalProperties" map instead of failing (that is what lets them read newer
 * servers' objects); here that any-setter is removed from every bean, so an unknown field anywhere is an
 * error, as is a string where a number belongs or a number where a string belongs (the API server rejects
 * both). For Strimzi, API version {@code kafka.strimzi.io/v1} must be one the model serves, and no
 * property the model marks deprecated (the ones v1 dropped, such as {@code spec.kafka.replicas} or
 * {@code spec.zookeeper}) may be set.
 *
 * <p>CloudNativePG and Keycloak Operator resources have no Java model on Maven Central: they are
 * validated against the JSON Schemas in src/test/resources/schemas (see the README there), their
 * {@code metadata} as a typed ObjectMeta, and a KeycloakRealmImport's realm as Keycloak's own
 * RealmRepresentation (keycloak-core).
 */
public final class StrictKubernetes {

    /** Jackson with unknown properties, any-setters and scalar coercions all failing. */
    public static final ObjectMapper MAPPER = strictMapper();

    record Kind(String apiVersion, String kind) {
    }

    private static final Map<Kind, Class<?>> TYPED = Map.ofEntries(
            Map.entry(new Kind("v1", "Namespace"), Namespace.class),
            Map.entry(new Kind("v1", "ServiceAccount"), ServiceAccount.class),
            Map.entry(new Kind("v1", "ConfigMap"), ConfigMap.class),
            Map.entry(new Kind("v1", "Secret"), Secret.class),
            Map.entry(new Kind("v1", "Service"), Service.class),
            Map.entry(new Kind("apps/v1", "Deployment"), Deployment.class),
            Map.entry(new Kind("autoscaling/v2", "HorizontalPodAutoscaler"), HorizontalPodAutoscaler.class),
            Map.entry(new Kind("policy/v1", "PodDisruptionBudget"), PodDisruptionBudget.class),
            Map.entry(new Kind("networking.k8s.io/v1", "NetworkPolicy"), NetworkPolicy.class),
            Map.entry(new Kind("gateway.networking.k8s.io/v1", "HTTPRoute"), HTTPRoute.class),
            Map.entry(new Kind("kafka.strimzi.io/v1", "Kafka"), Kafka.class),
            Map.entry(new Kind("kafka.strimzi.io/v1", "KafkaNodePool"), KafkaNodePool.class),
            Map.entry(new Kind("kafka.strimzi.io/v1", "KafkaTopic"), KafkaTopic.class));

    private static final Map<Kind, String> SCHEMAS = Map.of(
            new Kind("postgresql.cnpg.io/v1", "Cluster"), "schemas/cnpg-cluster-v1.json",
            new Kind("postgresql.cnpg.io/v1", "Database"), "schemas/cnpg-database-v1.json",
            new Kind("k8s.keycloak.org/v2alpha1", "Keycloak"), "schemas/keycloak-v2alpha1.json",
            new Kind("k8s.keycloak.org/v2alpha1", "KeycloakRealmImport"),
            "schemas/keycloakrealmimport-v2alpha1.json");

    private static final Map<String, JsonSchema> LOADED = new java.util.concurrent.ConcurrentHashMap<>();

    private StrictKubernetes() {
    }

    /** A manifest and its typed form (the model object, or the validated tree for schema-checked kinds). */
    public record Parsed(JsonNode raw, Object typed) {
        public String apiVersion() {
            return raw.path("apiVersion").asText();
        }

        public String kind() {
            return raw.path("kind").asText();
        }

        public String name() {
            return Json.text(raw, "metadata/name");
        }

        public <T> T as(Class<T> type) {
            return type.cast(typed);
        }
    }

    /** Every supported apiVersion/kind, for documentation and tests. */
    public static Set<String> supportedKinds() {
        Set<String> out = new java.util.TreeSet<>();
        TYPED.keySet().forEach(k -> out.add(k.apiVersion() + " " + k.kind()));
        SCHEMAS.keySet().forEach(k -> out.add(k.apiVersion() + " " + k.kind()));
        return out;
    }

    /** Parses one manifest; throws {@link InvalidManifestException} naming every problem found. */
    public static Parsed parse(JsonNode doc) {
        Kind kind = new Kind(doc.path("apiVersion").asText(), doc.path("kind").asText());
        String what = Json.describe(doc);
        Class<?> type = TYPED.get(kind);
        if (type != null) {
            Object typed = read(doc, type, what);
            if (typed instanceof io.fabric8.kubernetes.client.CustomResource<?, ?> cr) {
                checkStrimzi(cr, doc, what);
            }
            return new Parsed(doc, typed);
        }
        String schema = SCHEMAS.get(kind);
        if (schema != null) {
            List<String> problems = new ArrayList<>();
            for (ValidationMessage m : schema(schema).validate(doc)) {
                problems.add(m.getMessage());
            }
            if (!problems.isEmpty()) {
                throw new InvalidManifestException(what + " does not match " + schema + ": " + problems);
            }
            read(doc.get("metadata"), ObjectMeta.class, what + " metadata");
            if ("KeycloakRealmImport".equals(kind.kind())) {
                return new Parsed(doc, read(doc.at("/spec/realm"), RealmRepresentation.class, what + " realm"));
            }
            return new Parsed(doc, doc);
        }
        throw new InvalidManifestException(what + ": no typed model or schema for " + kind.apiVersion() + " "
                + kind.kind() + " (supported: " + supportedKinds() + ")");
    }

    public static List<Parsed> parseAll(List<? extends JsonNode> docs) {
        List<Parsed> out = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (JsonNode doc : docs) {
            try {
                out.add(parse(doc));
            } catch (InvalidManifestException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidManifestException(String.join("\n", problems));
        }
        return out;
    }

    public static <T> T read(JsonNode node, Class<T> type, String what) {
        try {
            return MAPPER.treeToValue(node, type);
        } catch (IOException | IllegalArgumentException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            String at = "";
            if (e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping) {
                StringBuilder path = new StringBuilder();
                for (com.fasterxml.jackson.databind.JsonMappingException.Reference ref : mapping.getPath()) {
                    path.append('/').append(ref.getFieldName() != null ? ref.getFieldName() : ref.getIndex());
                }
                at = " at " + path;
            }
            throw new InvalidManifestException(what + " is not a valid " + type.getSimpleName() + at + ": " + message);
        }
    }

    // ---- Strimzi: served API version, nothing deprecated ---------------------------------------------------

    private static void checkStrimzi(io.fabric8.kubernetes.client.CustomResource<?, ?> cr, JsonNode doc, String what) {
        String version = doc.path("apiVersion").asText().substring("kafka.strimzi.io/".length());
        List<String> served = servedVersions(cr.getClass());
        if (!served.contains(version)) {
            throw new InvalidManifestException(what + ": the Strimzi model serves " + served + ", not " + version);
        }
        List<String> deprecated = new ArrayList<>();
        deprecatedInUse(cr, "", deprecated, new IdentityHashMap<>());
        if (!deprecated.isEmpty()) {
            throw new InvalidManifestException(what + " sets properties the Strimzi API deprecates (absent from "
                    + "kafka.strimzi.io/v1): " + deprecated);
        }
    }

    /** The API versions a Strimzi resource class serves ({@code Kafka.VERSIONS} etc.). */
    @SuppressWarnings("unchecked")
    public static List<String> servedVersions(Class<?> type) {
        try {
            return (List<String>) type.getField("VERSIONS").get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type + " declares no VERSIONS", e);
        }
    }

    private static void deprecatedInUse(Object bean, String path, List<String> out, Map<Object, Boolean> seen) {
        if (bean == null || seen.put(bean, Boolean.TRUE) != null) {
            return;
        }
        for (Method getter : bean.getClass().getMethods()) {
            if (Modifier.isStatic(getter.getModifiers()) || getter.getParameterCount() != 0 || getter.isBridge()
                    || getter.isAnnotationPresent(JsonIgnore.class)
                    || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            String name = getter.getName();
            String property;
            if (name.startsWith("get") && name.length() > 3) {
                property = Character.toLowerCase(name.charAt(3)) + name.substring(4);
            } else if (name.startsWith("is") && name.length() > 2) {
                property = Character.toLowerCase(name.charAt(2)) + name.substring(3);
            } else {
                continue;
            }
            if ("additionalProperties".equals(property) || "class".equals(property)) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(bean);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue;
            }
            if (value == null || (value instanceof Collection<?> c && c.isEmpty())
                    || (value instanceof Map<?, ?> m && m.isEmpty())) {
                continue;
            }
            if (getter.isAnnotationPresent(Deprecated.class) || hasAnnotation(getter,
                    "io.strimzi.api.annotations.DeprecatedProperty")) {
                out.add(path + "/" + property);
            }
            if (value instanceof Collection<?> c) {
                int i = 0;
                for (Object item : c) {
                    if (isStrimzi(item)) {
                        deprecatedInUse(item, path + "/" + property + "/" + i, out, seen);
                    }
                    i++;
                }
            } else if (isStrimzi(value)) {
                deprecatedInUse(value, path + "/" + property, out, seen);
            }
        }
    }

    private static boolean isStrimzi(Object o) {
        return o != null && o.getClass().getName().startsWith("io.strimzi.") && !o.getClass().isEnum();
    }

    private static boolean hasAnnotation(Method m, String annotation) {
        return java.util.Arrays.stream(m.getAnnotations())
                .anyMatch(a -> a.annotationType().getName().equals(annotation));
    }

    // ---- mapper and schemas ------------------------------------------------------------------------------

    private static ObjectMapper strictMapper() {
        SimpleModule noAnySetters = new SimpleModule("no-any-setters");
        noAnySetters.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription description,
                    BeanDeserializerBuilder builder) {
                builder.setAnySetter(null);
                builder.setIgnoreUnknownProperties(false);
                return builder;
            }
        });
        JsonMapper mapper = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .addModule(noAnySetters)
                .build();
        for (CoercionInputShape shape : List.of(CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean)) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        for (CoercionInputShape shape : List.of(CoercionInputShape.String)) {
            mapper.coercionConfigFor(LogicalType.Integer).setCoercion(shape, CoercionAction.Fail);
            mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(shape, CoercionAction.Fail);
            mapper.coercionConfigFor(LogicalType.Float).setCoercion(shape, CoercionAction.Fail);
        }
        return mapper;
    }

    static JsonSchema schema(String resource) {
        return LOADED.computeIfAbsent(resource, r -> {
            try (InputStream in = StrictKubernetes.class.getClassLoader().getResourceAsStream(r)) {
                if (in == null) {
                    throw new IllegalStateException("no schema " + r);
                }
                SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
                return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** One manifest (or several) that would not be accepted. */
    public static final class InvalidManifestException extends RuntimeException {
        public InvalidManifestException(String message) {
            super(message);
        }
    }

    static String joined(Collection<String> items) {
        return items.stream().collect(Collectors.joining(", "));
    }
}
