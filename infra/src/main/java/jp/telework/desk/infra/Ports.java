package jp.telework.desk.infra;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Loopback ports: everything this project starts listens on 127.0.0.1 only. */
public final class Ports {
    private Ports() {
    }

    /** A port that was free a moment ago (tests use these so several suites never collide). */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new InfraException("no free loopback port", e);
        }
    }

    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Fails with a message naming who wanted the port and how to choose another one. */
    public static void requireFree(int port, String owner, String overrideHint) {
        if (!isFree(port)) {
            throw new InfraException("port " + port + " (" + owner + ") is already in use on 127.0.0.1; "
                    + "stop whatever listens there or choose another port with " + overrideHint);
        }
    }
}
