package jp.telework.desk.consultation.domain;

/** What a written inquiry is about. */
public enum InquiryCategory {
    ICT_ENVIRONMENT, SECURITY, LABOR_MANAGEMENT, OTHER
}
