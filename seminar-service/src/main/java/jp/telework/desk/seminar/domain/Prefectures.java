package jp.telework.desk.seminar.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The 47 prefectures (JIS X 0401 codes) and their region. A static public fact, kept here so the
 * service can validate venues and hosts and filter by region without asking another service.
 */
public final class Prefectures {
    /** Bean-validation pattern of a prefecture code. */
    public static final String CODE_PATTERN = "0[1-9]|[1-3][0-9]|4[0-7]";

    public record Prefecture(String code, String nameJa, String nameEn, Region region) {
    }

    private static final Map<String, Prefecture> BY_CODE = new LinkedHashMap<>();

    static {
        for (Prefecture p : List.of(
            p("01", "北海道", "Hokkaido", Region.HOKKAIDO),
            p("02", "青森県", "Aomori", Region.TOHOKU),
            p("03", "岩手県", "Iwate", Region.TOHOKU),
            p("04", "宮城県", "Miyagi", Region.TOHOKU),
            p("05", "秋田県", "Akita", Region.TOHOKU),
            p("06", "山形県", "Yamagata", Region.TOHOKU),
            p("07", "福島県", "Fukushima", Region.TOHOKU),
            p("08", "茨城県", "Ibaraki", Region.KANTO),
            p("09", "栃木県", "Tochigi", Region.KANTO),
            p("10", "群馬県", "Gunma", Region.KANTO),
            p("11", "埼玉県", "Saitama", Region.KANTO),
            p("12", "千葉県", "Chiba", Region.KANTO),
            p("13", "東京都", "Tokyo", Region.KANTO),
            p("14", "神奈川県", "Kanagawa", Region.KANTO),
            p("15", "新潟県", "Niigata", Region.CHUBU),
            p("16", "富山県", "Toyama", Region.CHUBU),
            p("17", "石川県", "Ishikawa", Region.CHUBU),
            p("18", "福井県", "Fukui", Region.CHUBU),
            p("19", "山梨県", "Yamanashi", Region.CHUBU),
            p("20", "長野県", "Nagano", Region.CHUBU),
            p("21", "岐阜県", "Gifu", Region.CHUBU),
            p("22", "静岡県", "Shizuoka", Region.CHUBU),
            p("23", "愛知県", "Aichi", Region.CHUBU),
            p("24", "三重県", "Mie", Region.KINKI),
            p("25", "滋賀県", "Shiga", Region.KINKI),
            p("26", "京都府", "Kyoto", Region.KINKI),
            p("27", "大阪府", "Osaka", Region.KINKI),
            p("28", "兵庫県", "Hyogo", Region.KINKI),
            p("29", "奈良県", "Nara", Region.KINKI),
            p("30", "和歌山県", "Wakayama", Region.KINKI),
            p("31", "鳥取県", "Tottori", Region.CHUGOKU),
            p("32", "島根県", "Shimane", Region.CHUGOKU),
            p("33", "岡山県", "Okayama", Region.CHUGOKU),
            p("34", "広島県", "Hiroshima", Region.CHUGOKU),
            p("35", "山口県", "Yamaguchi", Region.CHUGOKU),
            p("36", "徳島県", "Tokushima", Region.SHIKOKU),
            p("37", "香川県", "Kagawa", Region.SHIKOKU),
            p("38", "愛媛県", "Ehime", Region.SHIKOKU),
            p("39", "高知県", "Kochi", Region.SHIKOKU),
            p("40", "福岡県", "Fukuoka", Region.KYUSHU_OKINAWA),
            p("41", "佐賀県", "Saga", Region.KYUSHU_OKINAWA),
            p("42", "長崎県", "Nagasaki", Region.KYUSHU_OKINAWA),
            p("43", "熊本県", "Kumamoto", Region.KYUSHU_OKINAWA),
            p("44", "大分県", "Oita", Region.KYUSHU_OKINAWA),
            p("45", "宮崎県", "Miyazaki", Region.KYUSHU_OKINAWA),
            p("46", "鹿児島県", "Kagoshima", Region.KYUSHU_OKINAWA),
            p("47", "沖縄県", "Okinawa", Region.KYUSHU_OKINAWA)
        )) {
            BY_CODE.put(p.code(), p);
        }
    }

    private Prefectures() {
    }

    private static Prefecture p(String code, String ja, String en, Region region) {
        return new Prefecture(code, ja, en, region);
    }

    public static boolean exists(String code) {
        return code != null && BY_CODE.containsKey(code);
    }

    public static Optional<Prefecture> byCode(String code) {
        return Optional.ofNullable(code == null ? null : BY_CODE.get(code));
    }

    public static Optional<Region> regionOf(String code) {
        return byCode(code).map(Prefecture::region);
    }

    public static List<String> codesIn(Region region) {
        return BY_CODE.values().stream().filter(p -> p.region() == region).map(Prefecture::code).toList();
    }

    public static int count() {
        return BY_CODE.size();
    }
}
