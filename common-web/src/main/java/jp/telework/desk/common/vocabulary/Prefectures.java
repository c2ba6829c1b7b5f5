package jp.telework.desk.common.vocabulary;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The 47 prefectures of Japan by JIS X 0401 code ({@code "01"}..{@code "47"}), each also the code of
 * that prefecture's contact point. A public fact, written once here: names, the eight-region grouping
 * and the position of the prefectural government office (WGS84, approximate).
 */
public final class Prefectures {
    /** The syntax of a code; {@link PrefectureCode} and {@link #isCode} use it. */
    public static final String CODE_PATTERN = "0[1-9]|[1-3][0-9]|4[0-7]";
    /** What is said of a value that is not a code, everywhere. */
    public static final String CODE_MESSAGE = "must be a prefecture code 01..47";
    private static final Pattern CODE = Pattern.compile(CODE_PATTERN);

    private static final List<Prefecture> ALL = List.of(
            new Prefecture("01", "北海道", "Hokkaido", Region.HOKKAIDO, 43.064359, 141.347449),
            new Prefecture("02", "青森県", "Aomori", Region.TOHOKU, 40.824294, 140.740054),
            new Prefecture("03", "岩手県", "Iwate", Region.TOHOKU, 39.70353, 141.152667),
            new Prefecture("04", "宮城県", "Miyagi", Region.TOHOKU, 38.268737, 140.872183),
            new Prefecture("05", "秋田県", "Akita", Region.TOHOKU, 39.718175, 140.103356),
            new Prefecture("06", "山形県", "Yamagata", Region.TOHOKU, 38.240127, 140.362533),
            new Prefecture("07", "福島県", "Fukushima", Region.TOHOKU, 37.750146, 140.466754),
            new Prefecture("08", "茨城県", "Ibaraki", Region.KANTO, 36.341817, 140.446796),
            new Prefecture("09", "栃木県", "Tochigi", Region.KANTO, 36.56575, 139.883526),
            new Prefecture("10", "群馬県", "Gunma", Region.KANTO, 36.391205, 139.060917),
            new Prefecture("11", "埼玉県", "Saitama", Region.KANTO, 35.857771, 139.647804),
            new Prefecture("12", "千葉県", "Chiba", Region.KANTO, 35.604563, 140.123179),
            new Prefecture("13", "東京都", "Tokyo", Region.KANTO, 35.689185, 139.691648),
            new Prefecture("14", "神奈川県", "Kanagawa", Region.KANTO, 35.447505, 139.642347),
            new Prefecture("15", "新潟県", "Niigata", Region.CHUBU, 37.901699, 139.022728),
            new Prefecture("16", "富山県", "Toyama", Region.CHUBU, 36.695274, 137.211302),
            new Prefecture("17", "石川県", "Ishikawa", Region.CHUBU, 36.594729, 136.62555),
            new Prefecture("18", "福井県", "Fukui", Region.CHUBU, 36.06522, 136.221641),
            new Prefecture("19", "山梨県", "Yamanashi", Region.CHUBU, 35.665102, 138.568985),
            new Prefecture("20", "長野県", "Nagano", Region.CHUBU, 36.651282, 138.180972),
            new Prefecture("21", "岐阜県", "Gifu", Region.CHUBU, 35.39116, 136.722204),
            new Prefecture("22", "静岡県", "Shizuoka", Region.CHUBU, 34.976987, 138.383057),
            new Prefecture("23", "愛知県", "Aichi", Region.CHUBU, 35.180247, 136.906698),
            new Prefecture("24", "三重県", "Mie", Region.KINKI, 34.730547, 136.50861),
            new Prefecture("25", "滋賀県", "Shiga", Region.KINKI, 35.004532, 135.868588),
            new Prefecture("26", "京都府", "Kyoto", Region.KINKI, 35.0209962, 135.7531135),
            new Prefecture("27", "大阪府", "Osaka", Region.KINKI, 34.686492, 135.518992),
            new Prefecture("28", "兵庫県", "Hyogo", Region.KINKI, 34.69128, 135.183087),
            new Prefecture("29", "奈良県", "Nara", Region.KINKI, 34.685296, 135.832745),
            new Prefecture("30", "和歌山県", "Wakayama", Region.KINKI, 34.224806, 135.16795),
            new Prefecture("31", "鳥取県", "Tottori", Region.CHUGOKU, 35.503463, 134.238258),
            new Prefecture("32", "島根県", "Shimane", Region.CHUGOKU, 35.472248, 133.05083),
            new Prefecture("33", "岡山県", "Okayama", Region.CHUGOKU, 34.66132, 133.934414),
            new Prefecture("34", "広島県", "Hiroshima", Region.CHUGOKU, 34.396033, 132.459595),
            new Prefecture("35", "山口県", "Yamaguchi", Region.CHUGOKU, 34.185648, 131.470755),
            new Prefecture("36", "徳島県", "Tokushima", Region.SHIKOKU, 34.065732, 134.559293),
            new Prefecture("37", "香川県", "Kagawa", Region.SHIKOKU, 34.34014, 134.04297),
            new Prefecture("38", "愛媛県", "Ehime", Region.SHIKOKU, 33.841649, 132.76585),
            new Prefecture("39", "高知県", "Kochi", Region.SHIKOKU, 33.55969, 133.530887),
            new Prefecture("40", "福岡県", "Fukuoka", Region.KYUSHU_OKINAWA, 33.606767, 130.418228),
            new Prefecture("41", "佐賀県", "Saga", Region.KYUSHU_OKINAWA, 33.249367, 130.298822),
            new Prefecture("42", "長崎県", "Nagasaki", Region.KYUSHU_OKINAWA, 32.744542, 129.873037),
            new Prefecture("43", "熊本県", "Kumamoto", Region.KYUSHU_OKINAWA, 32.790385, 130.742345),
            new Prefecture("44", "大分県", "Oita", Region.KYUSHU_OKINAWA, 33.2382, 131.612674),
            new Prefecture("45", "宮崎県", "Miyazaki", Region.KYUSHU_OKINAWA, 31.91109, 131.423855),
            new Prefecture("46", "鹿児島県", "Kagoshima", Region.KYUSHU_OKINAWA, 31.560219, 130.557906),
            new Prefecture("47", "沖縄県", "Okinawa", Region.KYUSHU_OKINAWA, 26.211538, 127.681115));
    private static final Map<String, Prefecture> BY_CODE = index();

    private Prefectures() {
    }

    /** All 47, in code order. */
    public static List<Prefecture> all() {
        return ALL;
    }

    public static List<String> codes() {
        return ALL.stream().map(Prefecture::code).toList();
    }

    public static boolean isCode(String value) {
        return value != null && CODE.matcher(value).matches();
    }

    public static Optional<Prefecture> byCode(String code) {
        return Optional.ofNullable(code == null ? null : BY_CODE.get(code));
    }

    /** The prefecture of a code known to be valid (validated input, stored data). */
    public static Prefecture of(String code) {
        return byCode(code).orElseThrow(() -> new IllegalArgumentException("not a prefecture code: " + code));
    }

    private static Map<String, Prefecture> index() {
        Map<String, Prefecture> byCode = new LinkedHashMap<>();
        ALL.forEach(p -> byCode.put(p.code(), p));
        return Map.copyOf(byCode);
    }
}
