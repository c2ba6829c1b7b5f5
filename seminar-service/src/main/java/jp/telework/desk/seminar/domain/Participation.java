package jp.telework.desk.seminar.domain;

/** How one registration attends; each has its own seat pool (a hybrid seminar has both). */
public enum Participation {
    IN_PERSON, ONLINE
}
