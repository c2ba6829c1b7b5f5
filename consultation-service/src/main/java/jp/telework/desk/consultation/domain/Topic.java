package jp.telework.desk.consultation.domain;

/** What a consultation is about. */
public enum Topic {
    ICT_ENVIRONMENT, SECURITY, LABOR_MANAGEMENT, GENERAL_INTRODUCTION, OTHER
}
