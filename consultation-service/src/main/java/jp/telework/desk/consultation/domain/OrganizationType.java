package jp.telework.desk.consultation.domain;

/** Who books: a small or medium-sized enterprise or a local government. */
public enum OrganizationType {
    SME, LOCAL_GOVERNMENT
}
