package jp.telework.desk.common.json;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import jp.telework.desk.common.problem.ProblemException;

/**
 * A JSON body that is the literal {@code null} is refused. Jackson reads it as "no body", which an
 * endpoint with an optional body (cancel, reschedule) would take as a request without details; a
 * client sending {@code null} has sent something broken and should hear so. A truly empty body
 * (no bytes, or only whitespace) stays allowed where the endpoint allows it.
 */
@Provider
public class NoNullBody implements ReaderInterceptor {
    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (type == null || !"json".equalsIgnoreCase(type.getSubtype()) && !type.getSubtype().toLowerCase().endsWith("+json")) {
            return context.proceed();
        }
        Sniffer sniffer = new Sniffer(context.getInputStream());
        context.setInputStream(sniffer);
        Object value = context.proceed();
        if (value == null && sniffer.sawContent) {
            throw refused();
        }
        return value;
    }

    /** The answer to a {@code null} body; also for endpoints that parse their optional body themselves. */
    public static ProblemException refused() {
        return ProblemException.badRequest("body", "must be a JSON object, not null");
    }

    /** Notes whether anything but whitespace went through. */
    private static final class Sniffer extends FilterInputStream {
        boolean sawContent;

        Sniffer(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                note((byte) b);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            for (int i = 0; i < n && !sawContent; i++) {
                note(buffer[offset + i]);
            }
            return n;
        }

        private void note(byte b) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                sawContent = true;
            }
        }
    }
}
