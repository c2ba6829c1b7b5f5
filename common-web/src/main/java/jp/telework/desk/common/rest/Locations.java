package jp.telework.desk.common.rest;

import java.net.URI;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * Links to the desk's own resources. A service sits behind the gateway and does not know the address
 * the client used, so it never builds an absolute URI from its request: {@code ResponseBuilder.location()}
 * and {@code UriInfo.getBaseUri()} would name the service's own host ({@code http://127.0.0.1:8083/...}).
 * <ul>
 *   <li>{@code Location} is a path reference (RFC 9110 §10.2.2 allows it), which the client resolves against
 *   the public URL it called;</li>
 *   <li>where a link must be absolute (an iCalendar feed read by a calendar application), it is built
 *   from the deployment's configured public base URL, never from a request header a client can forge.</li>
 * </ul>
 */
public final class Locations {
    private Locations() {
    }

    /** Sets {@code Location} to {@code path} as given ("/api/v1/..."), not made absolute by JAX-RS. */
    public static Response.ResponseBuilder location(Response.ResponseBuilder response, String path) {
        return response.header(HttpHeaders.LOCATION, checkPath(path));
    }

    /** {@code path} under the public base URL (which may carry a path prefix of its own). */
    public static String absolute(URI publicBase, String path) {
        String base = checkBase(publicBase).toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + checkPath(path);
    }

    /** An absolute http(s) URL without query or fragment; anything else is a configuration error. */
    public static URI checkBase(URI base) {
        if (base == null || !base.isAbsolute() || base.getHost() == null || base.getRawQuery() != null
                || base.getRawFragment() != null || !("https".equals(base.getScheme()) || "http".equals(base.getScheme()))) {
            throw new IllegalArgumentException("the public base URL must be an absolute http(s) URL without query or fragment: " + base);
        }
        return base;
    }

    private static String checkPath(String path) {
        if (path == null || !path.startsWith("/") || path.startsWith("//")) {
            throw new IllegalArgumentException("not an absolute path: " + path);
        }
        return path;
    }
}
