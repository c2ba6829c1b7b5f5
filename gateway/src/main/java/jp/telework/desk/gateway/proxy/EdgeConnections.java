package jp.telework.desk.gateway.proxy;

import java.lang.reflect.Field;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.TooLongFrameException;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.quarkus.vertx.http.HttpServerStart;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.impl.Http1xServerConnection;
import io.vertx.core.http.impl.HttpServerImpl;
import io.vertx.core.http.impl.VertxHttpRequestDecoder;
import io.vertx.core.impl.VertxInternal;
import io.vertx.core.net.impl.TCPServerBase;
import io.vertx.core.net.impl.VertxHandler;
import jp.telework.desk.common.problem.ProblemException;
import jp.telework.desk.common.problem.ProblemType;
import jp.telework.desk.common.problem.Problems;
import jp.telework.desk.gateway.config.GatewayConfig;

/**
 * The HTTP layer below the router: every connection the gateway accepts gets the {@link StrictRequestDecoder}
 * and an invalid-request handler that answers problem+json (Vert.x' default answers 414/431 with an empty
 * body and drops every other malformed request without a word).
 *
 * <p>Neither Quarkus nor Vert.x offers a hook per accepted connection, so this reaches into Vert.x' internals
 * once at start: a handler on the listening channel puts a guard in front of each new connection's pipeline,
 * and the guard swaps the decoder before the first byte is decoded. h2c (cleartext HTTP/2 by prior knowledge
 * or upgrade) is switched off so that the HTTP/1.1 pipeline exists from the start; the gateway speaks
 * HTTP/1.1 to whatever stands in front of it. If the internals change, start-up logs an error and
 * {@code FramingTest} fails.
 */
@ApplicationScoped
public class EdgeConnections implements HttpServerOptionsCustomizer {
    private static final Logger LOG = Logger.getLogger(EdgeConnections.class);
    private static final Logger ACCESS = Logger.getLogger("jp.telework.desk.gateway.access");
    private static final String ACCEPTOR = "telework-edge-acceptor";
    private static final String GUARD = "telework-edge-guard";
    private static final String DECODER = "httpDecoder";
    private static final String VERTX_HANDLER = "handler";

    @Inject
    Vertx vertx;

    @Inject
    GatewayConfig config;

    /** Vert.x' own body limit; above it a declared body is refused before anything reads it. */
    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize backstop;

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        options.setHttp2ClearTextEnabled(false);
    }

    @Override
    public void customizeHttpsServer(HttpServerOptions options) {
        options.setHttp2ClearTextEnabled(false);
    }

    void started(@ObservesAsync HttpServerStart start) {
        install();
    }

    synchronized void install() {
        var servers = ((VertxInternal) vertx).sharedHttpServers();
        LOG.infof("installing HTTP framing checks on %d server(s)", servers.size());
        for (HttpServerImpl server : servers.values()) {
            try {
                HttpServerOptions options = (HttpServerOptions) field(HttpServerImpl.class, "options").get(server);
                if (options.isHttp2ClearTextEnabled()) {
                    // not one customized above (e.g. a management interface): left as Vert.x built it
                    continue;
                }
                @SuppressWarnings("unchecked")
                Future<Channel> bound = (Future<Channel>) field(TCPServerBase.class, "bindFuture").get(server);
                bound.onSuccess(listening -> {
                    ChannelPipeline pipeline = listening.pipeline();
                    if (pipeline.get(ACCEPTOR) == null) {
                        pipeline.addFirst(ACCEPTOR, new Acceptor(options));
                        LOG.infof("HTTP framing checks on %s", listening.localAddress());
                    }
                });
            } catch (ReflectiveOperationException | RuntimeException e) {
                LOG.errorf("HTTP framing checks NOT installed (Vert.x internals changed?): %s", e.toString());
            }
        }
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        Field f = type.getDeclaredField(name);
        f.setAccessible(true);
        return f;
    }

    /** On the listening channel: puts a guard in front of each accepted connection, before Vert.x sets it up. */
    @ChannelHandler.Sharable
    private final class Acceptor extends ChannelInboundHandlerAdapter {
        private final HttpServerOptions options;

        Acceptor(HttpServerOptions options) {
            this.options = options;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof Channel accepted) {
                accepted.pipeline().addFirst(GUARD, new Guard(options));
            }
            ctx.fireChannelRead(msg);
        }
    }

    /** First in a connection's pipeline until its first bytes arrive; by then Vert.x has built the rest. */
    private final class Guard extends ChannelInboundHandlerAdapter {
        private final HttpServerOptions options;

        Guard(HttpServerOptions options) {
            this.options = options;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ChannelPipeline pipeline = ctx.pipeline();
            ChannelHandler decoder = pipeline.get(DECODER);
            if (decoder != null && decoder.getClass() == VertxHttpRequestDecoder.class) {
                pipeline.replace(DECODER, DECODER, new StrictRequestDecoder(options, backstop.asLongValue()));
            } else if (!(decoder instanceof StrictRequestDecoder)) {
                LOG.errorf("HTTP framing checks not armed on a connection: no HTTP/1.x decoder in %s", pipeline.names());
            }
            if (pipeline.get(VERTX_HANDLER) instanceof VertxHandler<?> handler
                    && handler.getConnection() instanceof Http1xServerConnection connection) {
                connection.invalidRequestHandler(request -> refuse(request, options));
            }
            pipeline.remove(this);
            ctx.fireChannelRead(msg);
        }
    }

    /**
     * A request Netty could not decode, or one the strict decoder marked: problem+json, and Vert.x closes the
     * connection once it is written (it does so after every invalid request).
     */
    void refuse(HttpServerRequest request, HttpServerOptions options) {
        Throwable cause = request.decoderResult().cause();
        ProblemException problem;
        String instance = null;
        if (cause instanceof StrictRequestDecoder.FramingViolation violation) {
            problem = violation.problem;
            instance = request.path();
        } else if (cause instanceof TooLongFrameException tooLong && tooLong.getMessage() != null
                && tooLong.getMessage().startsWith("An HTTP line is larger than")) {
            problem = ProblemType.URI_TOO_LONG.problem("the request line is longer than "
                    + options.getMaxInitialLineLength() + " bytes");
        } else if (cause instanceof TooLongFrameException) {
            problem = ProblemType.HEADERS_TOO_LARGE.problem("the header fields are larger than "
                    + options.getMaxHeaderSize() + " bytes");
        } else if (cause != null && cause.getMessage() != null && cause.getMessage().contains("Content-Length")) {
            problem = ProblemType.BAD_REQUEST.problem("Content-Length must be sent once, as one decimal number (RFC 9112 §6.3)");
        } else {
            problem = ProblemType.BAD_REQUEST.problem("the request line or a header field is malformed (RFC 9112 §3, §5)");
        }
        String requestId = UUID.randomUUID().toString();
        EdgeFilter.secure(request.response().headers(), config.gateway(), requestId);
        Problems.send(request.response(), problem, instance, true);
        ACCESS.infof("%s %s -> %d refused by the HTTP layer: %s", requestId, instance == null ? "(unparsable)" : request.method()
                + " " + instance, problem.status(), problem.getMessage());
    }
}
