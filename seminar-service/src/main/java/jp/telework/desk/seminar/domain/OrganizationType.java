package jp.telework.desk.seminar.domain;

public enum OrganizationType {
    SME, LOCAL_GOVERNMENT
}
