package jp.telework.desk.common.rest;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

/**
 * The methods a path takes, for the {@code Allow} header of a 405 (RFC 9110 §15.5.6: the server must
 * send it; Quarkus REST does not). Read once from the JAX-RS resources of the application: each
 * resource class's {@code @Path} joined with each method's, matched like JAX-RS matches templates.
 */
@ApplicationScoped
public class AllowedMethods {
    private static final Pattern PARAM = Pattern.compile("\\{\\s*\\w[\\w.-]*\\s*(?::\\s*((?:[^{}]|\\{[^{}]*\\})+))?}");

    @Inject
    BeanManager beans;

    private volatile List<Entry> index;

    record Entry(Pattern path, Set<String> methods) {
    }

    /** The methods some resource method takes on this path (HEAD and OPTIONS included as JAX-RS adds them); empty if none. */
    public Set<String> on(String path) {
        Set<String> allowed = new TreeSet<>();
        for (Entry e : index()) {
            if (e.path().matcher(path).matches()) {
                allowed.addAll(e.methods());
            }
        }
        if (!allowed.isEmpty()) {
            if (allowed.contains("GET")) {
                allowed.add("HEAD");
            }
            allowed.add("OPTIONS");
        }
        return allowed;
    }

    private List<Entry> index() {
        List<Entry> built = index;
        if (built == null) {
            built = build();
            index = built;
        }
        return built;
    }

    private List<Entry> build() {
        Map<String, Set<String>> byTemplate = new LinkedHashMap<>();
        for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> type = bean.getBeanClass();
            Path root = type.getAnnotation(Path.class);
            if (root == null) {
                continue;
            }
            for (Method m : type.getMethods()) {
                String http = httpMethod(m);
                if (http != null) {
                    Path sub = m.getAnnotation(Path.class);
                    byTemplate.computeIfAbsent(join(root.value(), sub == null ? "" : sub.value()), t -> new TreeSet<>()).add(http);
                }
            }
        }
        List<Entry> entries = new ArrayList<>();
        byTemplate.forEach((template, methods) -> entries.add(new Entry(regex(template), Set.copyOf(methods))));
        return List.copyOf(entries);
    }

    private static String httpMethod(Method m) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    static String join(String root, String sub) {
        String path = "/" + root + "/" + sub;
        path = path.replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** A JAX-RS template as a regular expression: {@code {id}} is one segment, {@code {id: re}} is {@code re}. */
    static Pattern regex(String template) {
        StringBuilder out = new StringBuilder();
        Matcher m = PARAM.matcher(template);
        int last = 0;
        while (m.find()) {
            out.append(Pattern.quote(template.substring(last, m.start())));
            out.append('(').append(m.group(1) != null ? m.group(1).trim() : "[^/]+").append(')');
            last = m.end();
        }
        out.append(Pattern.quote(template.substring(last)));
        return Pattern.compile(out + "/?");
    }
}
