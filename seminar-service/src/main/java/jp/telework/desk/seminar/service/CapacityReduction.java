package jp.telework.desk.seminar.service;

/** What an update does when the new capacity is below the seats already confirmed. */
public enum CapacityReduction {
    /** Refuse the update (409). The default. */
    REJECT,
    /** Send the newest confirmed registrations to the front of the waitlist until the rest fits. */
    DEMOTE_NEWEST_TO_WAITLIST
}
