package jp.telework.desk.bench;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** CPU seconds used by named process trees (and the whole machine) between start() and stop(). */
final class CpuMeter {
    static final String LOAD_GENERATOR = "load generator";
    static final String OTHER = "other (kernel, rest of the machine)";
    private final Map<String, Long> pids;
    private final Map<String, Double> before = new LinkedHashMap<>();
    private double[] machineBefore;
    private double loadGeneratorBefore;

    CpuMeter(Map<String, Long> pids) {
        this.pids = pids;
    }

    CpuMeter start() {
        pids.forEach((name, pid) -> before.put(name, Proc.treeCpuSeconds(pid)));
        machineBefore = Proc.machineCpuSeconds();
        loadGeneratorBefore = Proc.waitedChildrenCpuSeconds();
        return this;
    }

    /** CPU milliseconds per request of each part, of the load generator (wrk/pgbench, measured after it exited), the rest, and the machine's busy share. */
    ObjectNode stop(long requests) {
        double[] machine = Proc.machineCpuSeconds();
        ObjectNode o = Http.object();
        double known = 0;
        for (Map.Entry<String, Long> e : pids.entrySet()) {
            double used = Proc.treeCpuSeconds(e.getValue()) - before.get(e.getKey());
            known += used;
            o.put(e.getKey(), Results.round(used * 1000.0 / Math.max(1, requests), 3));
        }
        double busy = machine[0] - machineBefore[0];
        double loadGenerator = Proc.waitedChildrenCpuSeconds() - loadGeneratorBefore;
        o.put(LOAD_GENERATOR, Results.round(loadGenerator * 1000.0 / Math.max(1, requests), 3));
        o.put(OTHER, Results.round((busy - known - loadGenerator) * 1000.0 / Math.max(1, requests), 3));
        o.put("machineBusyPercent", Results.round(100.0 * busy / Math.max(0.001, machine[1] - machineBefore[1]), 1));
        o.put("stealPercent", Results.round(100.0 * (machine[2] - machineBefore[2]) / Math.max(0.001, machine[1] - machineBefore[1]), 1));
        return o;
    }
}
