package jp.telework.desk.consultation.domain;

/**
 * The conventional eight-region grouping of the prefectures (Mie counted in Kinki). Used as the
 * fallback for region filters until contact-point-service has announced a contact point.
 */
public enum Region {
    HOKKAIDO(1, 1), TOHOKU(2, 7), KANTO(8, 14), CHUBU(15, 23), KINKI(24, 30), CHUGOKU(31, 35), SHIKOKU(36, 39),
    KYUSHU_OKINAWA(40, 47);

    private final int first;
    private final int last;

    Region(int first, int last) {
        this.first = first;
        this.last = last;
    }

    /** The region of a JIS prefecture code "01".."47". */
    public static Region of(String prefectureCode) {
        int code = Integer.parseInt(prefectureCode);
        for (Region r : values()) {
            if (code >= r.first && code <= r.last) {
                return r;
            }
        }
        throw new IllegalArgumentException("not a prefecture code: " + prefectureCode);
    }
}
