package jp.telework.desk.consultation.mapping;

/** Shapes of contact details accepted in requests. */
final class Patterns {
    /** Something@domain.tld (on top of the syntax check of {@code @Email}). */
    static final String EMAIL = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";
    static final String PHONE = "[0-9+\\-() ]{6,20}";

    private Patterns() {
    }
}
