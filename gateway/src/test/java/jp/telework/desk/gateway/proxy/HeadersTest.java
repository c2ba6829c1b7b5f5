package jp.telework.desk.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;

import io.vertx.core.MultiMap;

class HeadersTest {

    private static MultiMap incoming() {
        return MultiMap.caseInsensitiveMultiMap()
                .add("Host", "gateway.example")
                .add("Authorization", "Bearer abc.def.ghi")
                .add("Connection", "keep-alive, X-Hop-One")
                .add("Connection", "x-hop-two")
                .add("X-Hop-One", "1")
                .add("X-Hop-Two", "2")
                .add("Keep-Alive", "timeout=5")
                .add("Transfer-Encoding", "chunked")
                .add("TE", "trailers")
                .add("Upgrade", "h2c")
                .add("Proxy-Authorization", "Basic x")
                .add("X-Forwarded-For", "203.0.113.7")
                .add("X-Forwarded-Host", "evil.example")
                .add("Forwarded", "for=203.0.113.7")
                .add("X-Request-Id", "client-chosen")
                .add("Content-Type", "application/json")
                .add("Idempotency-Key", "k-1");
    }

    @Test
    void hopByHopIncludesWhatConnectionNames() {
        Set<String> hop = Headers.hopByHop(incoming());
        assertTrue(hop.containsAll(Set.of("connection", "keep-alive", "x-hop-one", "x-hop-two", "te", "upgrade",
                "transfer-encoding", "proxy-authorization", "trailer", "proxy-authenticate")));
        assertFalse(hop.contains("authorization"));
    }

    @Test
    void upstreamGetsEndToEndHeadersAndFreshForwarding() {
        Headers.ForwardedFor fwd = Headers.ForwardedFor.of("10.0.0.5", incoming(), "https", "gateway.example", false);
        MultiMap out = Headers.toUpstream(incoming(), fwd, "rid-1", false);
        assertEquals("Bearer abc.def.ghi", out.get("Authorization"), "the token goes on unchanged");
        assertEquals("application/json", out.get("Content-Type"));
        assertEquals("k-1", out.get("Idempotency-Key"));
        for (String gone : new String[] { "Host", "Connection", "X-Hop-One", "X-Hop-Two", "Keep-Alive", "Transfer-Encoding",
                "TE", "Upgrade", "Proxy-Authorization", "Forwarded" }) {
            assertNull(out.get(gone), gone);
        }
        assertEquals("10.0.0.5", out.get("X-Forwarded-For"), "a client's own X-Forwarded-For is not trusted");
        assertEquals("https", out.get("X-Forwarded-Proto"));
        assertEquals("gateway.example", out.get("X-Forwarded-Host"));
        assertEquals("rid-1", out.get("X-Request-Id"));
        assertEquals(1, out.getAll("X-Request-Id").size());
    }

    @Test
    void behindATrustedBalancerForwardingIsAppended() {
        MultiMap in = MultiMap.caseInsensitiveMultiMap().add("X-Forwarded-For", "198.51.100.1, 192.0.2.44")
                .add("X-Forwarded-Proto", "https").add("X-Forwarded-Host", "desk.example.jp").add("Content-Length", "12");
        Headers.ForwardedFor fwd = Headers.ForwardedFor.of("10.0.0.2", in, "http", "gateway:8080", true);
        assertEquals("192.0.2.44", fwd.clientAddress(), "the entry the balancer added");
        MultiMap out = Headers.toUpstream(in, fwd, "rid", true);
        assertEquals("198.51.100.1, 192.0.2.44, 10.0.0.2", out.get("X-Forwarded-For"));
        assertEquals("https", out.get("X-Forwarded-Proto"));
        assertEquals("desk.example.jp", out.get("X-Forwarded-Host"));
        assertEquals("12", out.get("Content-Length"));
    }

    @Test
    void responseHeadersLoseHopByHopCorsAndTheGatewaysOwn() {
        MultiMap upstream = MultiMap.caseInsensitiveMultiMap()
                .add("Content-Type", "application/json").add("ETag", "\"3\"").add("Location", "/api/v1/consultations/1")
                .add("Connection", "X-Inner").add("X-Inner", "secret").add("Keep-Alive", "timeout=5")
                .add("Proxy-Authenticate", "Basic").add("Access-Control-Allow-Origin", "*").add("X-Request-Id", "other")
                .add("Retry-After", "3");
        MultiMap out = MultiMap.caseInsensitiveMultiMap();
        Headers.fromUpstream(upstream, out, Set.of("x-request-id"));
        assertEquals("\"3\"", out.get("ETag"));
        assertEquals("/api/v1/consultations/1", out.get("Location"));
        assertEquals("3", out.get("Retry-After"));
        for (String gone : new String[] { "Connection", "X-Inner", "Keep-Alive", "Proxy-Authenticate",
                "Access-Control-Allow-Origin", "X-Request-Id" }) {
            assertNull(out.get(gone), gone);
        }
    }

}
