package jp.telework.desk.common.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import jp.telework.desk.common.problem.ProblemException;

class QueryParamsTest {

    @Test
    void aDateIsYearMonthDayWithinTheWindow() {
        assertEquals(LocalDate.of(2026, 12, 1), QueryParams.date("2026-12-01", "from"));
        assertEquals(LocalDate.of(2000, 1, 1), QueryParams.date("2000-01-01", "from"));
        assertEquals(LocalDate.of(2100, 12, 31), QueryParams.date("2100-12-31", "from"));
        assertNull(QueryParams.date(" ", "from"));
        for (String bad : new String[] { "2026-12-01T15:00:00Z", "2026-12-01T15:00", "+2026-12-01", "+12026-12-01", "-2026-12-01",
                "2026-2-1", "2026-02-30", "20261201", "1999-12-31", "2101-01-01", "9999-12-31" }) {
            ProblemException e = assertThrows(ProblemException.class, () -> QueryParams.date(bad, "from"), bad);
            assertEquals(400, e.status());
            assertEquals("from", e.errors().get(0).field());
        }
    }

    @Test
    void aDecimalIsFiniteAndInRange() {
        assertEquals(35.6812, QueryParams.decimal("35.6812", "latitude", 20, 46));
        assertEquals(46.0, QueryParams.decimal("46", "latitude", 20, 46));
        assertEquals(-1.5, QueryParams.decimal("-1.5", "x", -2, 2));
        assertNull(QueryParams.decimal("", "latitude", 20, 46));
        for (String bad : new String[] { "NaN", "Infinity", "-Infinity", "0x1p5", "35.6d", "3.5e1", "1e400", "46.0001", "19.99", "abc",
                "35,6" }) {
            ProblemException e = assertThrows(ProblemException.class, () -> QueryParams.decimal(bad, "latitude", 20, 46), bad);
            assertEquals("latitude", e.errors().get(0).field());
        }
    }
}
