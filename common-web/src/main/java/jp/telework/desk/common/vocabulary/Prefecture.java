package jp.telework.desk.common.vocabulary;

/** One prefecture: JIS code, names, region and the position of its government office. */
public record Prefecture(String code, String nameJa, String nameEn, Region region, double latitude, double longitude) {
}
