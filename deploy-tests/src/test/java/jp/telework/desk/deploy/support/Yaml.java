package jp.telework.desk.deploy.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * YAML loading the way kustomize (go-yaml v3) and Docker Compose read it: YAML 1.2 core scalars
 * (only true/false are booleans, no sexagesimal or leading-zero octal numbers, no timestamps),
 * merge keys ({@code <<}), duplicate keys rejected. Documents become Jackson trees.
 */
public final class Yaml {

    private Yaml() {
    }

    /** All documents of a stream; empty documents (a lone "---") are skipped. */
    public static List<JsonNode> loadAll(String text) {
        List<JsonNode> docs = new ArrayList<>();
        for (Object doc : newYaml().loadAll(text)) {
            if (doc != null) {
                docs.add(Json.MAPPER.valueToTree(doc));
            }
        }
        return docs;
    }

    public static List<JsonNode> loadAll(Path file) {
        return loadAll(read(file));
    }

    /** Exactly one document. */
    public static JsonNode load(String text) {
        List<JsonNode> docs = loadAll(text);
        if (docs.size() != 1) {
            throw new IllegalArgumentException("expected one YAML document, found " + docs.size());
        }
        return docs.get(0);
    }

    public static JsonNode load(Path file) {
        try {
            return load(read(file));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static org.yaml.snakeyaml.Yaml newYaml() {
        LoaderOptions loader = new LoaderOptions();
        loader.setAllowDuplicateKeys(false);
        loader.setMaxAliasesForCollections(200);
        DumperOptions dumper = new DumperOptions();
        return new org.yaml.snakeyaml.Yaml(new SafeConstructor(loader), new Representer(dumper), dumper, loader,
                new Yaml12Resolver());
    }

    /** The YAML 1.2 core schema's implicit types (plus merge keys). */
    static final class Yaml12Resolver extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$"), "tTfF");
            addImplicitResolver(Tag.INT, Pattern.compile("^(?:[-+]?(?:0|[1-9][0-9]*)|0x[0-9a-fA-F]+)$"),
                    "-+0123456789");
            addImplicitResolver(Tag.FLOAT, Pattern.compile(
                    "^(?:[-+]?(?:\\.[0-9]+|(?:0|[1-9][0-9]*)\\.[0-9]*)(?:[eE][-+]?[0-9]+)?|[-+]?(?:0|[1-9][0-9]*)[eE][-+]?[0-9]+"
                            + "|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$"),
                    "-+0123456789.");
            addImplicitResolver(Tag.MERGE, Pattern.compile("^(?:<<)$"), "<");
            addImplicitResolver(Tag.NULL, Pattern.compile("^(?:~|null|Null|NULL| *)$"), "~nN\0");
            addImplicitResolver(Tag.NULL, Pattern.compile("^$"), null);
        }
    }
}
