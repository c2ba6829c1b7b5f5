package jp.telework.desk.deploy.compose;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.AnnotationKeyword;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.Format;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import jp.telework.desk.deploy.support.Repo;
import jp.telework.desk.deploy.support.Yaml;

/**
 * A Compose file as {@code docker compose} reads it: YAML (anchors and merge keys resolved), then
 * variable interpolation ({@code $$} escapes, {@code ${VAR}}, {@code ${VAR:-default}}, {@code ${VAR-default}},
 * {@code ${VAR:?error}}, {@code ${VAR?error}}, {@code ${VAR:+alt}}, {@code ${VAR+alt}}, {@code $VAR}) with an
 * empty environment, i.e. what {@code docker compose up} does without a .env file. Then the Compose
 * specification's JSON Schema (src/test/resources/compose-spec, see SOURCE.md there).
 */
public final class ComposeFile {

    private static final Pattern VARIABLE = Pattern.compile(
            "\\$(?:\\$|\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}]*))?}|([A-Za-z_][A-Za-z0-9_]*))");

    private final String file;
    private final JsonNode raw;
    private final JsonNode effective;
    private final Map<String, String> defaults = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();

    private ComposeFile(String file, JsonNode raw) {
        this.file = file;
        this.raw = raw;
        this.effective = interpolate(raw.deepCopy(), "");
    }

    public static ComposeFile load(String relativePath) {
        return new ComposeFile(relativePath, Yaml.load(Repo.path(relativePath)));
    }

    public static ComposeFile parse(String name, String yaml) {
        return new ComposeFile(name, Yaml.load(yaml));
    }

    public String file() {
        return file;
    }

    /** As written (anchors resolved, variables not interpolated). */
    public JsonNode raw() {
        return raw;
    }

    /** After interpolation with no environment variables set. */
    public JsonNode effective() {
        return effective;
    }

    /** Every variable referenced and the default it falls back to. */
    public Map<String, String> defaults() {
        return defaults;
    }

    /** Interpolation problems: variables without a default, required variables. */
    public List<String> interpolationProblems() {
        return problems;
    }

    public JsonNode service(String name) {
        JsonNode s = effective.path("services").path(name);
        if (s.isMissingNode()) {
            throw new IllegalArgumentException(file + " has no service " + name);
        }
        return s;
    }

    public Set<String> serviceNames() {
        Set<String> names = new TreeSet<>();
        effective.path("services").fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** A service's environment as a map (list and map syntax). */
    public Map<String, String> environment(String service) {
        return environmentOf(service(service));
    }

    public Map<String, String> rawEnvironment(String service) {
        return environmentOf(raw.path("services").path(service));
    }

    private static Map<String, String> environmentOf(JsonNode service) {
        Map<String, String> env = new LinkedHashMap<>();
        JsonNode e = service.path("environment");
        if (e.isObject()) {
            e.fields().forEachRemaining(f -> env.put(f.getKey(), f.getValue().isNull() ? null : f.getValue().asText()));
        } else if (e.isArray()) {
            for (JsonNode item : e) {
                String s = item.asText();
                int eq = s.indexOf('=');
                env.put(eq < 0 ? s : s.substring(0, eq), eq < 0 ? null : s.substring(eq + 1));
            }
        }
        return env;
    }

    /** depends_on in its long form: target -> condition. */
    public Map<String, String> dependsOn(String service) {
        Map<String, String> deps = new LinkedHashMap<>();
        JsonNode d = service(service).path("depends_on");
        if (d.isArray()) {
            d.forEach(t -> deps.put(t.asText(), "service_started"));
        } else if (d.isObject()) {
            d.fields().forEachRemaining(f -> deps.put(f.getKey(), f.getValue().path("condition").asText("service_started")));
        }
        return deps;
    }

    // ---- interpolation -----------------------------------------------------------------------------------

    private JsonNode interpolate(JsonNode node, String path) {
        if (node.isTextual()) {
            return TextNode.valueOf(interpolate(node.asText(), path));
        }
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            List<Map.Entry<String, JsonNode>> replaced = new ArrayList<>();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> e = fields.next();
                replaced.add(Map.entry(e.getKey(), interpolate(e.getValue(), path + "/" + e.getKey())));
            }
            replaced.forEach(e -> object.set(e.getKey(), e.getValue()));
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, interpolate(array.get(i), path + "/" + i));
            }
        }
        return node;
    }

    private String interpolate(String value, String path) {
        if (VARIABLE.matcher(value).replaceAll("").contains("$")) {
            problems.add(path + ": invalid interpolation in '" + value + "' (a literal $ is written $$)");
        }
        Matcher m = VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (m.group().equals("$$")) {
                replacement = "$";
            } else {
                String name = m.group(1) != null ? m.group(1) : m.group(4);
                String operator = m.group(2);
                String argument = m.group(3) == null ? "" : m.group(3);
                // no environment: every variable is unset
                if (operator == null) {
                    problems.add(path + ": ${" + name + "} has no default");
                    replacement = "";
                } else if (operator.endsWith("-")) {
                    defaults.put(name, argument);
                    replacement = argument;
                } else if (operator.endsWith("?")) {
                    problems.add(path + ": " + name + " is required (" + argument + ")");
                    replacement = "";
                } else {
                    replacement = "";
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    // ---- the Compose specification's schema ----------------------------------------------------------------

    private static final String SCHEMA_IRI = "http://json-schema.org/draft/2019-09/schema";
    private static JsonSchema schema;

    /** Schema violations of the interpolated file (empty when valid). */
    public List<String> schemaViolations() {
        List<String> out = new ArrayList<>();
        for (ValidationMessage m : composeSchema().validate(effective)) {
            out.add(m.getMessage());
        }
        return out;
    }

    static synchronized JsonSchema composeSchema() {
        if (schema == null) {
            JsonMetaSchema meta = JsonMetaSchema.builder(SCHEMA_IRI, JsonMetaSchema.getV201909())
                    // the specification's schema still carries draft-04 "id"s: annotations from 2019-09 on
                    .keyword(new AnnotationKeyword("id"))
                    .format(new RegexFormat("duration",
                            "^(0|([0-9]+(\\.[0-9]+)?(ns|us|µs|ms|s|m|h))+)$", "a Go duration such as 10s or 1m30s"))
                    .format(new RegexFormat("ports",
                            "^((\\[[0-9a-fA-F:]+\\]|[0-9.]+):)?(([0-9]+(-[0-9]+)?)?:)?[0-9]+(-[0-9]+)?(/(tcp|udp|sctp))?$",
                            "[ip:][host[-range]:]container[-range][/protocol]"))
                    .format(new RegexFormat("expose", "^[0-9]+(-[0-9]+)?(/(tcp|udp|sctp))?$", "port[-range][/protocol]"))
                    .format(new RegexFormat("subnet_ip_address",
                            "^([0-9]{1,3}(\\.[0-9]{1,3}){3}/[0-9]{1,2}|[0-9a-fA-F:]+/[0-9]{1,3})$", "a CIDR subnet"))
                    .build();
            JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V201909,
                    builder -> builder.metaSchema(meta));
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            try (InputStream in = ComposeFile.class.getClassLoader().getResourceAsStream("compose-spec/compose-spec.json")) {
                if (in == null) {
                    throw new IllegalStateException("compose-spec/compose-spec.json is missing");
                }
                schema = factory.getSchema(in, config);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return schema;
    }

    /** A string format checked by a regular expression (numbers are checked as their decimal text). */
    record RegexFormat(String name, String regex, String description) implements Format {
        @Override
        public String getName() {
            return name;
        }

        @Override
        public String getErrorMessageDescription() {
            return description;
        }

        @Override
        public boolean matches(ExecutionContext context, String value) {
            return value.matches(regex);
        }
    }
}
