package jp.telework.desk.consultation.domain;

/**
 * How a booking reached the desk: an SME with its own token ({@code API}), an association taking a Navi Dial
 * caller's reservation on the phone ({@code NAVI_DIAL}), or the secretariat booking for an organization
 * ({@code SECRETARIAT}). Decided by who books, never by the request body.
 */
public enum BookingChannel {
    API, NAVI_DIAL, SECRETARIAT
}
