package jp.telework.desk.consultation.mapping;

/** Shapes of contact details accepted in requests. */
final class Patterns {
    /** Something@domain.tld (on top of the syntax check of {@code @Email}). */
    static final String EMAIL = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";
    static final String PHONE = "[0-9+\\-() ]{6,20}";
    /** An organization id as the identity provider issues it in the {@code organization} claim. */
    static final String ORGANIZATION_ID = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    private Patterns() {
    }
}
