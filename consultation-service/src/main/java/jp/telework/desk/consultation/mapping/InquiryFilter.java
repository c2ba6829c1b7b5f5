package jp.telework.desk.consultation.mapping;

import jp.telework.desk.consultation.domain.InquiryCategory;
import jp.telework.desk.consultation.domain.InquiryStatus;

/** Inquiry list criteria (null = any) on top of what the caller may see. */
public record InquiryFilter(InquiryStatus status, InquiryCategory category, String prefecture, int page, int size) {
}
