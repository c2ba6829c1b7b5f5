package jp.telework.desk.common.deadletter;

/** Where a dead letter stands: waiting for an operator, or resolved by a replay or a discard. */
public enum DeadLetterStatus {
    WAITING, REPLAYED, DISCARDED
}
