package jp.telework.desk.common.idempotency;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The HTTP answer of a creating request that took an Idempotency-Key, the same in every service. */
public final class IdempotentResponses {
    /** Marks an answer that was not produced now but replayed from the first request with the key. */
    public static final String REPLAYED = "Idempotent-Replayed";

    private IdempotentResponses() {
    }

    /** The status, {@code Location} and JSON body exactly as first answered; a replay says so. */
    public static Response of(IdempotencyStore.StoredResponse stored) {
        Response.ResponseBuilder r = Response.status(stored.status()).type(MediaType.APPLICATION_JSON).entity(stored.body());
        if (stored.location() != null) {
            r.header("Location", stored.location());
        }
        if (stored.replayed()) {
            r.header(REPLAYED, "true");
        }
        return r.build();
    }
}
