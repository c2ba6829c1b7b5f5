package jp.telework.desk.common.data;

/**
 * What a failure says about the service's database: gone (503 unavailable) or too busy to hand out
 * a connection in time (503 busy). Both are transient: requests are told to retry, event consumers
 * wait instead of dead-lettering a valid event.
 */
public final class DatabaseFailures {
    private DatabaseFailures() {
    }

    /** The database is down, refusing connections, or was cut off: a 503 the client may retry, not a 500. */
    public static boolean unavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException || t instanceof java.net.ConnectException
                    || t.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
                return true;
            }
            if (t instanceof java.sql.SQLException s) {
                String state = s.getSQLState() == null ? "" : s.getSQLState();
                String message = String.valueOf(s.getMessage());
                if (state.startsWith("08") // connection exceptions
                        || state.startsWith("57P") // admin shutdown, crash shutdown, cannot connect now
                        || state.equals("53300") // too many connections
                        || (state.equals("55000") && message.contains("not currently accepting connections"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Every pooled connection stayed busy for the whole acquisition timeout (Agroal's wording). */
    public static boolean poolExhausted(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException && t.getMessage() != null
                    && t.getMessage().toLowerCase(java.util.Locale.ROOT).contains("acquisition timeout")) {
                return true;
            }
        }
        return false;
    }

    /** Either of the above: worth waiting for, never a reason to give an event up. */
    public static boolean transientFailure(Throwable e) {
        return unavailable(e) || poolExhausted(e);
    }
}
