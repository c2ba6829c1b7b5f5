package jp.telework.desk.gateway.proxy;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.vertx.core.MultiMap;
import jp.telework.desk.common.rest.RequestIds;

/**
 * What crosses the gateway in each direction. Hop-by-hop headers (RFC 9110 §7.6.1: Connection and
 * every header it names, Keep-Alive, Proxy-*, TE, Trailer, Transfer-Encoding, Upgrade) describe one
 * connection and are never forwarded; Host is the upstream's; X-Forwarded-* are the gateway's to set.
 */
public final class Headers {
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection",
            "proxy-authenticate", "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade");
    private static final Set<String> FORWARDING = Set.of("forwarded", "x-forwarded-for", "x-forwarded-proto",
            "x-forwarded-host", "x-forwarded-port", "x-forwarded-prefix", "x-real-ip");

    private Headers() {
    }

    /** Headers named by the Connection header(s), lower-cased, plus the fixed hop-by-hop set. */
    public static Set<String> hopByHop(MultiMap headers) {
        Set<String> names = new HashSet<>(HOP_BY_HOP);
        for (String value : headers.getAll("Connection")) {
            for (String token : value.split(",")) {
                String name = token.trim().toLowerCase(Locale.ROOT);
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
        }
        return names;
    }


    /**
     * The headers to send upstream: the client's, minus hop-by-hop, Host and (unless trusted) forwarding
     * headers, plus the request id and fresh X-Forwarded-*.
     */
    public static MultiMap toUpstream(MultiMap incoming, ForwardedFor forwarded, String requestId, boolean trustForwarded) {
        Set<String> drop = hopByHop(incoming);
        drop.add("host");
        drop.add("x-request-id");
        drop.add("content-length"); // set again below when the client sent one
        drop.add("expect"); // 100-continue is answered by the gateway itself
        drop.addAll(FORWARDING);
        MultiMap out = MultiMap.caseInsensitiveMultiMap();
        for (Map.Entry<String, String> h : incoming) {
            if (!drop.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                out.add(h.getKey(), h.getValue());
            }
        }
        String contentLength = incoming.get("Content-Length");
        if (contentLength != null && !incoming.contains("Transfer-Encoding")) {
            out.set("Content-Length", contentLength);
        }
        String priorFor = trustForwarded ? incoming.get("X-Forwarded-For") : null;
        out.set("X-Forwarded-For", priorFor == null || priorFor.isBlank() ? forwarded.clientAddress()
                : priorFor + ", " + forwarded.peerAddress());
        String proto = trustForwarded && incoming.get("X-Forwarded-Proto") != null ? incoming.get("X-Forwarded-Proto") : forwarded.proto();
        String host = trustForwarded && incoming.get("X-Forwarded-Host") != null ? incoming.get("X-Forwarded-Host") : forwarded.host();
        out.set("X-Forwarded-Proto", proto);
        if (host != null) {
            out.set("X-Forwarded-Host", host);
        }
        out.set(RequestIds.HEADER, requestId);
        return out;
    }

    /** Copies an upstream response's headers, minus hop-by-hop ones and the gateway's own. */
    public static void fromUpstream(MultiMap upstream, MultiMap response, Set<String> gatewayOwned) {
        Set<String> drop = hopByHop(upstream);
        drop.addAll(gatewayOwned);
        for (Map.Entry<String, String> h : upstream) {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            // CORS is answered by the gateway for every route, never by a service behind it
            if (!drop.contains(name) && !name.startsWith("access-control-")) {
                response.add(h.getKey(), h.getValue());
            }
        }
    }

    /**
     * Who the client is. {@code peerAddress} is the TCP peer; {@code clientAddress} is the peer, or the
     * last X-Forwarded-For entry when a trusted load balancer stands in front.
     */
    public record ForwardedFor(String peerAddress, String clientAddress, String proto, String host) {
        public static ForwardedFor of(String peer, MultiMap incoming, String scheme, String host, boolean trustForwarded) {
            String client = peer;
            if (trustForwarded) {
                String xff = incoming.get("X-Forwarded-For");
                if (xff != null && !xff.isBlank()) {
                    String[] parts = xff.split(",");
                    client = parts[parts.length - 1].trim();
                }
            }
            return new ForwardedFor(peer, client, scheme, host);
        }
    }
}
