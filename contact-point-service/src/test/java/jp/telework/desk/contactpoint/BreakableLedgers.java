package jp.telework.desk.contactpoint;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.test.Mock;
import jp.telework.desk.contactpoint.service.BookingLedger;
import jp.telework.desk.contactpoint.service.SeminarLedger;
import jp.telework.desk.events.ConsultationEventV1;
import jp.telework.desk.events.SeminarEventV1;
import jp.telework.desk.infra.test.HandlerSwitch;

/** The real ledgers, which {@link HandlerSwitch} can break per booking or seminar for the dead-letter desk tests. */
final class BreakableLedgers {
    private BreakableLedgers() {
    }

    @Mock
    @ApplicationScoped
    static class Bookings extends BookingLedger {
        @Override
        public void booked(ConsultationEventV1 e) {
            HandlerSwitch.check(String.valueOf(e.bookingId()));
            super.booked(e);
        }
    }

    @Mock
    @ApplicationScoped
    static class Seminars extends SeminarLedger {
        @Override
        public void seminar(SeminarEventV1 e) {
            HandlerSwitch.check(String.valueOf(e.seminarId()));
            super.seminar(e);
        }
    }
}
