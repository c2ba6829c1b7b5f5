package jp.telework.desk.bench;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

final class Log {
    private Log() {
    }

    static void info(String line) {
        System.out.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " " + line);
        System.out.flush();
    }

    static void section(String title) {
        System.out.println();
        info("==> " + title);
    }
}
