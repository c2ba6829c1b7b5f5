package jp.telework.desk.common.data;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

class DatabaseFailuresTest {

    @Test
    void connectionFailuresAreUnavailability() {
        assertTrue(DatabaseFailures.unavailable(new RuntimeException(new SQLException("Connection refused", "08001"))));
        assertTrue(DatabaseFailures.unavailable(new SQLException("terminating connection due to administrator command", "57P01")));
        assertTrue(DatabaseFailures.unavailable(
                new SQLException("FATAL: database \"consultations\" is not currently accepting connections", "55000")));
    }

    @Test
    void anExhaustedPoolIsOverloadNotAnOutage() {
        // what Hibernate wraps when Agroal gave up waiting for a free connection
        RuntimeException wrapped = new RuntimeException("Unable to acquire JDBC Connection [Sorry, acquisition timeout!]",
                new SQLException("Sorry, acquisition timeout!"));
        assertTrue(DatabaseFailures.poolExhausted(wrapped));
        assertTrue(DatabaseFailures.poolExhausted(new SQLException("Acquisition timeout while waiting for new connection")));
        assertFalse(DatabaseFailures.poolExhausted(new SQLException("Connection refused", "08001")));
        assertFalse(DatabaseFailures.unavailable(wrapped));
        // both are worth waiting for in an event consumer; a constraint violation is not
        assertTrue(DatabaseFailures.transientFailure(wrapped));
        assertTrue(DatabaseFailures.transientFailure(new SQLException("Connection refused", "08001")));
        assertFalse(DatabaseFailures.transientFailure(new SQLException("duplicate key value", "23505")));
    }

    @Test
    void otherSqlErrorsAreNot() {
        assertFalse(DatabaseFailures.unavailable(new SQLException("duplicate key value", "23505")));
        assertFalse(DatabaseFailures.unavailable(new SQLException("object in use", "55000")));
        assertFalse(DatabaseFailures.unavailable(new IllegalStateException("boom")));
    }
}
