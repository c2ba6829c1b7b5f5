package jp.telework.desk.contactpoint.service;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class BookingLedgerOrderTest {
    @Test
    void uuidsAreOrderedLikePostgresOrdersThem() {
        UUID low = UUID.fromString("7fffffff-ffff-ffff-ffff-ffffffffffff");
        UUID high = UUID.fromString("80000000-0000-0000-0000-000000000000");
        assertTrue(low.compareTo(high) > 0, "Java compares signed");
        assertTrue(BookingLedger.pgOrder(low, high) < 0, "PostgreSQL compares unsigned bytes");
        assertTrue(BookingLedger.pgOrder(high, high) == 0);
        assertTrue(BookingLedger.pgOrder(UUID.fromString("00000000-0000-0000-8000-000000000000"),
                UUID.fromString("00000000-0000-0000-7000-000000000000")) > 0);
    }
}
