package jp.telework.desk.contactpoint.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Navi Dial routing defaults. */
@ConfigMapping(prefix = "telework.routing")
public interface RoutingConfig {
    /** The window searched when the caller gives no {@code within}. */
    @WithDefault("P14D")
    Duration defaultWithin();

    /** The largest {@code within} accepted. */
    @WithDefault("P90D")
    Duration maxWithin();

    /** How many other associations are offered after the chosen one. */
    @WithDefault("3")
    int alternatives();

    /** How many further free slots of the chosen association are listed after the first. */
    @WithDefault("3")
    int nextSlots();
}
