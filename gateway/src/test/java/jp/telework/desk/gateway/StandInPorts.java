package jp.telework.desk.gateway;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jp.telework.desk.infra.Ports;

/**
 * Chooses free loopback ports for the three stand-in services and points the gateway at them. The
 * stand-ins themselves are started from the tests ({@link StandIns}), in the tests' class loader, so
 * the tests can stop, slow down and inspect them.
 */
public class StandInPorts implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
        return Map.of(
                "telework.upstreams.contact-points", "http://127.0.0.1:" + Ports.free(),
                "telework.upstreams.consultations", "http://127.0.0.1:" + Ports.free(),
                "telework.upstreams.seminars", "http://127.0.0.1:" + Ports.free());
    }

    @Override
    public void stop() {
        // the stand-ins live in the tests' class loader and end with the test JVM
    }
}
