package jp.telework.desk.consultation.config;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import jp.telework.desk.consultation.domain.Tokyo;

/** The service's notion of "now", in Japan Standard Time. */
@ApplicationScoped
public class ClockProducer {
    @Produces
    @Singleton
    Clock clock() {
        return Clock.system(Tokyo.ZONE);
    }
}
