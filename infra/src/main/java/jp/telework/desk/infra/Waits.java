package jp.telework.desk.infra;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polling with a deadline; no fixed sleeps beyond the poll interval. */
public final class Waits {
    private Waits() {
    }

    public static void until(String what, Duration timeout, BooleanSupplier condition, ManagedProcess process) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            if (process != null && !process.isAlive()) {
                throw new InfraException(what + ": process '" + process.name() + "' exited with code "
                        + process.exitCode() + "; see its log " + process.log() + "\n" + process.tail(20));
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InfraException(what + ": interrupted");
            }
        }
        throw new InfraException(what + ": not ready after " + timeout.toSeconds() + " s"
                + (process != null ? "; see its log " + process.log() + "\n" + process.tail(20) : ""));
    }
}
