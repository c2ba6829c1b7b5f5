package jp.telework.desk.seminar.domain;

/** The conventional eight-region grouping of the prefectures (Mie counted in Kinki). */
public enum Region {
    HOKKAIDO, TOHOKU, KANTO, CHUBU, KINKI, CHUGOKU, SHIKOKU, KYUSHU_OKINAWA
}
