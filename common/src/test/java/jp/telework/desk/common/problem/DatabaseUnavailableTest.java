package jp.telework.desk.common.problem;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

class DatabaseUnavailableTest {

    @Test
    void connectionFailuresAreUnavailability() {
        assertTrue(ProblemMappers.isDatabaseUnavailable(new RuntimeException(new SQLException("Connection refused", "08001"))));
        assertTrue(ProblemMappers.isDatabaseUnavailable(new SQLException("terminating connection due to administrator command", "57P01")));
        assertTrue(ProblemMappers.isDatabaseUnavailable(
                new SQLException("FATAL: database \"consultations\" is not currently accepting connections", "55000")));
    }

    @Test
    void anExhaustedPoolIsOverloadNotAnOutage() {
        // what Hibernate wraps when Agroal gave up waiting for a free connection
        RuntimeException wrapped = new RuntimeException("Unable to acquire JDBC Connection [Sorry, acquisition timeout!]",
                new SQLException("Sorry, acquisition timeout!"));
        assertTrue(ProblemMappers.isPoolExhausted(wrapped));
        assertTrue(ProblemMappers.isPoolExhausted(new SQLException("Acquisition timeout while waiting for new connection")));
        assertFalse(ProblemMappers.isPoolExhausted(new SQLException("Connection refused", "08001")));
        assertFalse(ProblemMappers.isDatabaseUnavailable(wrapped));
    }

    @Test
    void otherSqlErrorsAreNot() {
        assertFalse(ProblemMappers.isDatabaseUnavailable(new SQLException("duplicate key value", "23505")));
        assertFalse(ProblemMappers.isDatabaseUnavailable(new SQLException("object in use", "55000")));
        assertFalse(ProblemMappers.isDatabaseUnavailable(new IllegalStateException("boom")));
    }
}
