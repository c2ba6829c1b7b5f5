package jp.telework.desk.consultation.domain;

import java.util.regex.Pattern;

/** JIS X 0401 prefecture codes "01".."47": each is also the code of that prefecture's contact point. */
public final class Prefectures {
    public static final String REGEXP = "0[1-9]|[1-3][0-9]|4[0-7]";
    public static final String MESSAGE = "must be a prefecture code 01..47";
    private static final Pattern CODE = Pattern.compile(REGEXP);

    private Prefectures() {
    }

    public static boolean isCode(String value) {
        return value != null && CODE.matcher(value).matches();
    }
}
