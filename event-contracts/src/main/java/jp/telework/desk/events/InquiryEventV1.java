package jp.telework.desk.events;

import java.util.UUID;

/** An inquiry was submitted or answered (no question text, no contact details). */
public record InquiryEventV1(UUID inquiryId, String prefecture, String category, String status) {
}
