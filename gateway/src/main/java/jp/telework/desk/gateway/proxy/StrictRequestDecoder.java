package jp.telework.desk.gateway.proxy;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.impl.VertxHttpRequestDecoder;
import jp.telework.desk.common.problem.BodyLimit;
import jp.telework.desk.common.problem.ProblemException;
import jp.telework.desk.common.problem.ProblemType;

/**
 * Vert.x' HTTP/1.x request decoder, with RFC 9112 message framing enforced where the bytes are read.
 * Netty silently drops a Content-Length sent next to Transfer-Encoding (the information is gone by the
 * time a handler sees the request), takes any coding list containing "chunked" as chunked, and a coding
 * it does not know as "no body" (the body then parses as the next request). Here every such request head
 * is marked as a decoder failure, so Vert.x hands it to the invalid-request handler (see
 * {@link EdgeConnections}), which answers problem+json and closes the connection.
 *
 * <p>After the first framing error nothing more is decoded on the connection: whatever follows (the rest
 * of a body, a request smuggled behind it) is discarded, never taken for a request.
 */
final class StrictRequestDecoder extends VertxHttpRequestDecoder {
    /**
     * Set by {@link EdgeFilter} on the connection for the request in flight: how to answer when that
     * request's chunked body turns out malformed (the head was fine and is already being handled).
     */
    static final AttributeKey<Consumer<ProblemException>> BROKEN_BODY = AttributeKey.valueOf("telework.broken-body");

    private final long maxBody;
    private boolean lengthAndChunked;
    private boolean poisoned;

    StrictRequestDecoder(HttpServerOptions options, long maxBody) {
        super(options);
        this.maxBody = maxBody;
    }

    /** Netty's default removes the Content-Length; note that there was one. */
    @Override
    protected void handleTransferEncodingChunkedWithContentLength(HttpMessage message) {
        lengthAndChunked = true;
        super.handleTransferEncodingChunkedWithContentLength(message);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
        if (poisoned) {
            in.skipBytes(in.readableBytes());
            return;
        }
        int from = out.size();
        super.decode(ctx, in, out);
        for (int i = from; i < out.size(); i++) {
            Object decoded = out.get(i);
            if (decoded instanceof HttpRequest head) {
                boolean both = lengthAndChunked;
                lengthAndChunked = false;
                if (head.decoderResult().isFailure()) {
                    poison(in, out, i + 1);
                    return;
                }
                ProblemException wrong = violation(head, both);
                if (wrong != null) {
                    head.setDecoderResult(DecoderResult.failure(new FramingViolation(wrong)));
                    poison(in, out, i + 1);
                    return;
                }
            } else if (decoded instanceof HttpContent part && part.decoderResult().isFailure()) {
                // a broken chunk: Vert.x would only drop the connection, without an answer
                ProblemException problem = ProblemType.BAD_REQUEST.problem("malformed chunked body: "
                        + chunkError(part.decoderResult().cause()));
                poison(in, out, i);
                Consumer<ProblemException> answer = ctx.channel().attr(BROKEN_BODY).getAndSet(null);
                // after the parts decoded before it have been delivered
                ctx.executor().execute(() -> {
                    if (answer != null) {
                        answer.accept(problem);
                    } else {
                        ctx.close();
                    }
                });
                return;
            }
        }
    }

    private void poison(ByteBuf in, List<Object> out, int keep) {
        poisoned = true;
        for (int j = out.size() - 1; j >= keep; j--) {
            ReferenceCountUtil.release(out.remove(j));
        }
        in.skipBytes(in.readableBytes());
    }

    private ProblemException violation(HttpRequest head, boolean lengthAndChunked) {
        String target = head.uri();
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            // RFC 3986 allows none of these; a backslash is a path separator to some servers behind
            // proxies, so it must not pass. ({, |, ^ are left alone: some browsers send them unencoded.)
            if (c == '\\' || c == '"' || c == '<' || c == '>' || c < 0x21 || c >= 0x7f) {
                return ProblemType.BAD_REQUEST.problem("the request target contains a character URIs do not allow"
                        + (c == '\\' ? " (a backslash)" : "") + " (RFC 3986 §2)");
            }
        }
        var headers = head.headers();
        if (lengthAndChunked || headers.contains(HttpHeaderNames.CONTENT_LENGTH) && headers.contains(HttpHeaderNames.TRANSFER_ENCODING)) {
            return ProblemType.BAD_REQUEST.problem("Content-Length and Transfer-Encoding must not both be sent (RFC 9112 §6.1)");
        }
        List<String> hosts = headers.getAll(HttpHeaderNames.HOST);
        if (hosts.size() > 1) {
            return ProblemType.BAD_REQUEST.problem("more than one Host header (RFC 9112 §3.2)");
        }
        if (hosts.isEmpty() && head.protocolVersion().equals(HttpVersion.HTTP_1_1)) {
            return ProblemType.BAD_REQUEST.problem("an HTTP/1.1 request needs a Host header (RFC 9112 §3.2)");
        }
        List<String> codings = headers.getAll(HttpHeaderNames.TRANSFER_ENCODING);
        if (!codings.isEmpty()) {
            String all = String.join(",", codings);
            if (!all.trim().equalsIgnoreCase("chunked")) {
                // gzip, chunked / chunked, identity / xchunked: we decode chunked only, and only alone
                String shown = all.length() > 64 ? all.substring(0, 64) + "..." : all;
                return ProblemType.BAD_REQUEST.problem("Transfer-Encoding must be exactly \"chunked\"; \""
                        + shown.toLowerCase(Locale.ROOT) + "\" is not supported");
            }
        }
        long length = HttpUtil.getContentLength(head, -1L);
        if (length > maxBody) {
            return BodyLimit.tooLarge(length, maxBody);
        }
        return null;
    }

    private static String chunkError(Throwable cause) {
        String message = cause == null || cause.getMessage() == null ? "" : cause.getMessage();
        if (message.startsWith("Chunk size overflow")) {
            return "a chunk size is too large";
        }
        if (cause instanceof NumberFormatException) {
            return "a chunk size is not a hexadecimal number";
        }
        return "a chunk is not framed by CRLF as RFC 9112 §7.1 requires";
    }

    /** A request head that breaks the framing rules: the answer is in it. */
    static final class FramingViolation extends RuntimeException {
        final transient ProblemException problem;

        FramingViolation(ProblemException problem) {
            super(problem.getMessage(), null, false, false);
            this.problem = problem;
        }
    }
}
