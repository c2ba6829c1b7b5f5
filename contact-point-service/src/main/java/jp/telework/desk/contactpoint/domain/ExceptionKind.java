package jp.telework.desk.contactpoint.domain;

/** What a dated availability exception does to its day. */
public enum ExceptionKind {
    /** The whole day is closed (all modes), whatever the plan or other exceptions say. */
    CLOSED,
    /** The weekly plan applies even though the day is a holiday or in the year-end closure. */
    OPEN,
    /** An additional window (its own times, slot length, capacity, mode); opens that window even on a closed calendar day. */
    EXTRA_WINDOW,
    /** A different capacity for that day's slots (optionally one mode and/or a time range). */
    CAPACITY
}
