package jp.telework.desk.infra;

import java.nio.file.Path;

/** The JDK running this code is the one every child JVM (Kafka, Keycloak, the services) uses too. */
public final class Java {
    public static final int MINIMUM_FEATURE = 21;

    private Java() {
    }

    public static Path home() {
        return Path.of(System.getProperty("java.home"));
    }

    public static String executable() {
        return home().resolve("bin").resolve("java").toString();
    }

    public static void requireMinimum() {
        int feature = Runtime.version().feature();
        if (feature < MINIMUM_FEATURE) {
            throw new InfraException("Java " + MINIMUM_FEATURE + "+ is required, but this is Java " + feature
                    + " from " + home() + "; point JAVA_HOME at a JDK " + MINIMUM_FEATURE + " or newer");
        }
    }

    static boolean runningAsRoot() {
        return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
    }
}
