package jp.telework.desk.deploy.support;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.node.ObjectNode;

import jp.telework.desk.deploy.kustomize.Kustomize;

/** The kustomize overlays under k8s/overlays, rendered once per test run. */
public final class Overlays {

    public static final List<String> ALL = List.of("dev", "prod");

    private static final Map<String, List<ObjectNode>> RENDERED = new ConcurrentHashMap<>();

    private Overlays() {
    }

    public static Path dir(String overlay) {
        return Repo.path("k8s/overlays/" + overlay);
    }

    /** A fresh deep copy of the rendered overlay (tests may mutate it). */
    public static List<ObjectNode> render(String overlay) {
        List<ObjectNode> docs = RENDERED.computeIfAbsent(overlay, o -> Kustomize.build(dir(o)));
        return docs.stream().map(ObjectNode::deepCopy).toList();
    }
}
