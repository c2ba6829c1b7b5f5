package jp.telework.desk.common.testapp;

/** The test events' payload: {@code behaviour} tells {@link NoteService} how to react (ok, poison, transient:N, failing, illegal). */
public record NoteV1(String text, String behaviour) {
}
