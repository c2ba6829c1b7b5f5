package jp.telework.desk.consultation.service;

/** A creation's answer: fresh, or replayed for a repeated Idempotency-Key. The body is JSON. */
public record StoredResult(int status, String location, String body) {
}
