package jp.telework.desk.common.security;

/** The realm roles of the Keycloak realm {@code telework}, named once for every module. */
public final class Roles {
    /** An SME or local government; its token carries the claim {@code organization}. */
    public static final String SME = "sme";
    /** A prefectural association; its token carries the claim {@code prefecture}. */
    public static final String ASSOCIATION = "association";
    /** The national secretariat: everything. */
    public static final String SECRETARIAT = "secretariat";
    /** The read-only statistics client (client credentials). */
    public static final String DASHBOARD = "dashboard";

    private Roles() {
    }
}
