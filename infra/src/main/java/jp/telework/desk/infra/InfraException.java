package jp.telework.desk.infra;

/** A piece of infrastructure could not be started or used; the message names which and why. */
public class InfraException extends RuntimeException {
    public InfraException(String message) {
        super(message);
    }

    public InfraException(String message, Throwable cause) {
        super(message, cause);
    }
}
