package jp.telework.desk.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Byte-exact HTTP/1.1 over a plain socket, for requests no well-behaved client sends: both
 * Content-Length and Transfer-Encoding, two Host headers, broken chunks, a request smuggled behind a
 * body. Writes the bytes as given, then reads everything the gateway answers until it closes the
 * connection (or, if it keeps it open, until the safety timeout, which the result reports).
 */
final class RawSocket {
    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.[01] (\\d{3}) ");

    /** Everything that came back on one connection. */
    record Answers(String raw, boolean closedByServer) {
        /** The status of each answer, in order (an unparsable request line is answered as HTTP/1.0). */
        List<Integer> statuses() {
            List<Integer> statuses = new ArrayList<>();
            Matcher m = STATUS_LINE.matcher(raw);
            while (m.find()) {
                statuses.add(Integer.parseInt(m.group(1)));
            }
            return statuses;
        }

        /** The first answer's headers, names lower-cased. */
        Map<String, String> headers() {
            int end = raw.indexOf("\r\n\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            if (end < 0) {
                return headers;
            }
            String[] lines = raw.substring(0, end).split("\r\n");
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
            return headers;
        }

        /** The first answer's body (the gateway's refusals carry a Content-Length). */
        String body() {
            int end = raw.indexOf("\r\n\r\n");
            String length = headers().get("content-length");
            if (end < 0 || length == null) {
                return "";
            }
            int from = end + 4;
            return raw.substring(from, Math.min(raw.length(), from + Integer.parseInt(length)));
        }
    }

    private RawSocket() {
    }

    static Answers exchange(int port, String request) {
        return exchange(port, request.getBytes(StandardCharsets.ISO_8859_1));
    }

    static Answers exchange(int port, byte[] request) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            // only a safety net: every answer expected here ends with the gateway closing the connection
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (IOException e) {
                // the gateway stopped reading: what it answered tells why
            }
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            boolean closed = read(socket.getInputStream(), received);
            return new Answers(received.toString(StandardCharsets.ISO_8859_1), closed);
        } catch (IOException e) {
            throw new AssertionError("raw exchange failed: " + e, e);
        }
    }

    private static boolean read(InputStream in, ByteArrayOutputStream into) throws IOException {
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                into.write(buffer, 0, n);
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            // a reset after the answer: the connection is gone all the same
            return true;
        }
    }
}
