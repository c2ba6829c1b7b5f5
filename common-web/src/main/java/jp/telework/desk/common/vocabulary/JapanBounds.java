package jp.telework.desk.common.vocabulary;

/**
 * A box around Japan's territory (WGS84 degrees, rounded outward): from Okinotorishima (20.4 N) to
 * Etorofu (45.6 N), from Yonaguni (122.9 E) to Minamitorishima (154.0 E). A public fact: a point outside
 * it is not a caller of a Japanese service, and a non-finite one is not a point at all.
 */
public final class JapanBounds {
    public static final double MIN_LATITUDE = 20.0;
    public static final double MAX_LATITUDE = 46.0;
    public static final double MIN_LONGITUDE = 122.0;
    public static final double MAX_LONGITUDE = 154.0;

    private JapanBounds() {
    }

    public static boolean contains(double latitude, double longitude) {
        return latitude >= MIN_LATITUDE && latitude <= MAX_LATITUDE && longitude >= MIN_LONGITUDE && longitude <= MAX_LONGITUDE;
    }
}
