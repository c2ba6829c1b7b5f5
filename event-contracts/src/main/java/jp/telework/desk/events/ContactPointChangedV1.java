package jp.telework.desk.events;

import java.util.List;

/** A contact point's public, operational facts changed (or were seeded). Key: the prefecture code. */
public record ContactPointChangedV1(
        String code,
        String region,
        List<String> modes,
        boolean faceToFaceAvailable,
        boolean active,
        double latitude,
        double longitude) {
}
