package jp.telework.desk.seminar.domain;

/** Where participants attend: at the venue, online, or either (hybrid: two seat pools). */
public enum SeminarFormat {
    IN_PERSON, ONLINE, HYBRID;

    public boolean offers(Participation p) {
        return switch (this) {
            case IN_PERSON -> p == Participation.IN_PERSON;
            case ONLINE -> p == Participation.ONLINE;
            case HYBRID -> true;
        };
    }

    public boolean hasVenue() {
        return this != ONLINE;
    }

    public boolean isOnline() {
        return this != IN_PERSON;
    }
}
