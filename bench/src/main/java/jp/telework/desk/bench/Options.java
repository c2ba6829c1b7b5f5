package jp.telework.desk.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

/** Durations and sizes of one run; {@code --quick} shortens everything (for trying the harness, not for figures). */
final class Options {
    boolean quick;
    Set<String> only = new TreeSet<>(Set.of("1", "2", "3", "4", "5", "6"));
    int connections = 16;
    Duration s1Warmup = Duration.ofSeconds(8);
    Duration s1Duration = Duration.ofSeconds(10);
    int s1Rounds = 2;
    /** Rounds at one connection: the latency a proxy adds when nothing queues. */
    Duration s1SingleDuration = Duration.ofSeconds(6);
    Duration profileDuration = Duration.ofSeconds(8);
    Duration s2Warmup = Duration.ofSeconds(8);
    Duration s2Duration = Duration.ofSeconds(12);
    int s2Rounds = 2;
    int raceClients = 1000;
    int raceSeats = 10;
    int seminarSeats = 50;
    int propagationSamples = 150;
    int kafkaE2eMessages = 3000;
    int growthSmall = 10_000;
    int growthLarge = 1_000_000;
    int growthConnections = 4;
    Duration growthDuration = Duration.ofSeconds(10);
    /** Keep the stack running this long after the scenarios (to look at it by hand); 0 = stop at once. */
    int holdSeconds;

    static Options parse(String[] args) {
        Options o = new Options();
        for (String a : args) {
            if (a.equals("--quick")) {
                o.quick = true;
                o.s1Warmup = Duration.ofSeconds(2);
                o.s1Duration = Duration.ofSeconds(3);
                o.s1Rounds = 1;
                o.s1SingleDuration = Duration.ofSeconds(2);
                o.profileDuration = Duration.ofSeconds(3);
                o.s2Warmup = Duration.ofSeconds(2);
                o.s2Duration = Duration.ofSeconds(4);
                o.s2Rounds = 1;
                o.propagationSamples = 20;
                o.kafkaE2eMessages = 300;
                o.growthLarge = 100_000;
                o.growthDuration = Duration.ofSeconds(3);
            } else if (a.startsWith("--hold=")) {
                o.holdSeconds = Integer.parseInt(a.substring("--hold=".length()));
            } else if (a.startsWith("--only=")) {
                o.only = new TreeSet<>(Arrays.asList(a.substring("--only=".length()).split(",")));
            } else {
                throw new BenchException("unknown option " + a + " (known: --quick, --only=1,2,3,4,5,6, --hold=SECONDS)");
            }
        }
        return o;
    }

    boolean runs(String scenario) {
        return only.contains(scenario);
    }
}
