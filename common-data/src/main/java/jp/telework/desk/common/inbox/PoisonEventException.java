package jp.telework.desk.common.inbox;

/** The event can never be applied (broken envelope or data): it goes to the dead-letter topic without retries. */
public class PoisonEventException extends RuntimeException {
    public PoisonEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
