package jp.telework.desk.infra.shared;

import java.nio.file.Path;

/** A second test JVM of the same build: connects (starting the keeper if none runs) and prints the keeper's PID. */
public final class ConnectMain {
    private ConnectMain() {
    }

    public static void main(String[] args) {
        SharedInfra infra = SharedInfra.connect(BuildOwner.of(Long.parseLong(args[0]), Long.parseLong(args[1])), Path.of(args[2]));
        System.out.println("keeper=" + infra.keeperPid());
    }
}
