package jp.telework.desk.gateway.proxy;

import java.util.Set;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;

/**
 * When the gateway may send a request to its service a second time: after the first attempt's
 * connection failed before any answer (a replica died or was stopped with the request; see
 * {@code UpstreamFailure.connectionLost}), and only if repeating it cannot do anything twice. That holds
 * for reads, and for a write that carries an {@code Idempotency-Key}: the service answers a repeat of
 * a key with the first execution's answer (or 409 while it still runs), never executing it again. A
 * write without a key is never repeated: the first attempt may have committed.
 */
final class Retries {
    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD);

    private Retries() {
    }

    static boolean safe(HttpMethod method, MultiMap headers) {
        if (READS.contains(method)) {
            return true;
        }
        String key = headers.get("Idempotency-Key");
        return key != null && !key.isBlank();
    }

    /** The whole body, or a failed future with {@link BodyTooLarge} once it passes {@code max} bytes. */
    static Future<Buffer> readBody(HttpServerRequest in, long max) {
        Promise<Buffer> done = Promise.promise();
        Buffer body = Buffer.buffer();
        in.handler(chunk -> {
            if (done.future().isComplete()) {
                return;
            }
            if (body.length() + chunk.length() > max) {
                done.tryFail(new BodyTooLarge(max));
                return;
            }
            body.appendBuffer(chunk);
        });
        in.exceptionHandler(done::tryFail);
        in.endHandler(v -> done.tryComplete(body));
        in.resume();
        return done.future();
    }
}
