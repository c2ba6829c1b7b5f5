package jp.telework.desk.common.inbox;

/**
 * The event can never be applied (broken envelope, unreadable data, or data the handler refuses): it
 * goes to the consumer's dead-letter topic at once, without retries, and consumption goes on. Handlers
 * throw it (directly or through {@link #require} and {@link #known}) for data that is wrong, never for
 * a failure of their own (those are retried, see {@link IdempotentConsumer}).
 */
public class PoisonEventException extends RuntimeException {
    public PoisonEventException(String message) {
        super(message);
    }

    public PoisonEventException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Refuses the event unless {@code valid}. */
    public static void require(boolean valid, String reason) {
        if (!valid) {
            throw new PoisonEventException(reason);
        }
    }

    /** The constant of {@code type} named {@code value}; an event naming another one is poison. */
    public static <E extends Enum<E>> E known(Class<E> type, String value, String field) {
        if (value != null) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(value)) {
                    return constant;
                }
            }
        }
        throw new PoisonEventException(field + " " + value + " is not one of " + java.util.Arrays.toString(type.getEnumConstants()));
    }
}
