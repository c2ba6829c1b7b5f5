package jp.telework.desk.common.vocabulary;

import java.util.List;

/** The conventional eight-region grouping of the prefectures (Mie counted in Kinki). */
public enum Region {
    HOKKAIDO, TOHOKU, KANTO, CHUBU, KINKI, CHUGOKU, SHIKOKU, KYUSHU_OKINAWA;

    /** The region of a valid prefecture code. */
    public static Region of(String prefectureCode) {
        return Prefectures.of(prefectureCode).region();
    }

    /** The codes of this region's prefectures, in code order. */
    public List<String> prefectureCodes() {
        return Prefectures.all().stream().filter(p -> p.region() == this).map(Prefecture::code).toList();
    }
}
