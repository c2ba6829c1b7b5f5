package jp.telework.desk.gateway.routing;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * One line of the route table.
 *
 * @param name     for logs and metrics
 * @param methods  HTTP methods it applies to; empty = any
 * @param path     the whole normalized path must match
 * @param service  the upstream, or null for the gateway's own endpoints
 * @param upstreamPath fixed upstream path (e.g. {@code /q/openapi}), or null to forward the path unchanged
 */
public record Route(String name, Set<String> methods, Pattern path, Service service, String upstreamPath,
        Access access, RateGroup rateGroup) {

    public boolean local() {
        return service == null;
    }

    boolean matches(String method, String normalizedPath) {
        return (methods.isEmpty() || methods.contains(method)) && path.matcher(normalizedPath).matches();
    }

    /** The path to send upstream for a request that matched this route. */
    public String targetPath(String normalizedPath) {
        return upstreamPath != null ? upstreamPath : normalizedPath;
    }
}
