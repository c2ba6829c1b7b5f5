package jp.telework.desk.consultation.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/** Who an organization is when it books by phone without an account of the desk. */
public final class Organizations {
    /** Owner ids of organizations without an account start with this; account ids never do (they come from Keycloak). */
    public static final String UNREGISTERED_PREFIX = "tel-";

    private Organizations() {
    }

    /**
     * The stable owner id of an organization without an account: its prefecture and its name as said on the phone,
     * compared as people would (NFKC, so full-width and half-width forms agree; case and runs of spaces ignored).
     * "株式会社さくら商事" booked twice from Tokyo is one organization for fair shares and the booking cap.
     */
    public static String unregistered(String prefecture, String organizationName) {
        String name = Normalizer.normalize(organizationName, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ")
                .toLowerCase(Locale.ROOT);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((prefecture + "\n" + name).getBytes(StandardCharsets.UTF_8));
            return UNREGISTERED_PREFIX + HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
