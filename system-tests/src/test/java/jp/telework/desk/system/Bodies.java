package jp.telework.desk.system;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Request bodies as an SME portal, an association tool or the secretariat would send them. */
final class Bodies {
    private Bodies() {
    }

    /** The prefecture each demo SME's organization is in (realm attributes). */
    static String prefectureOf(String sme) {
        return switch (sme) {
            case "sme-a" -> "13";
            case "sme-b" -> "27";
            case "sme-c" -> "32";
            default -> throw new IllegalArgumentException(sme);
        };
    }

    static Map<String, Object> window(String weekday, String start, String end, int slotMinutes, int capacity, String mode) {
        Map<String, Object> w = new LinkedHashMap<>();
        w.put("weekday", weekday);
        w.put("startTime", start);
        w.put("endTime", end);
        w.put("slotMinutes", slotMinutes);
        w.put("capacity", capacity);
        w.put("mode", mode);
        return w;
    }

    /** Monday to Friday: in person 10:00–12:00 (two 60-minute slots), online 13:00–15:00. */
    static Map<String, Object> weekdayPlan(int inPersonCapacity, int onlineCapacity) {
        List<Map<String, Object>> windows = new ArrayList<>();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")) {
            windows.add(window(day, "10:00", "12:00", 60, inPersonCapacity, "IN_PERSON"));
            windows.add(window(day, "13:00", "15:00", 60, onlineCapacity, "ONLINE"));
        }
        return Map.of("windows", windows);
    }

    /** Monday to Friday, one mode only. */
    static Map<String, Object> weekdayPlan(String mode, String start, String end, int capacity) {
        List<Map<String, Object>> windows = new ArrayList<>();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")) {
            windows.add(window(day, start, end, 60, capacity, mode));
        }
        return Map.of("windows", windows);
    }

    static Map<String, Object> requester(String sme) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("organizationName", "Demo organization of " + sme);
        r.put("organizationType", "SME");
        r.put("employeeCount", 35);
        r.put("industry", "Wholesale");
        r.put("prefecture", prefectureOf(sme));
        r.put("contactPerson", "山田 花子");
        r.put("email", sme + "@example.co.jp");
        r.put("phone", "03-1234-5678");
        return r;
    }

    static Map<String, Object> booking(String slotId, String sme) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("slotId", slotId);
        b.put("topics", List.of("ICT_ENVIRONMENT", "LABOR_MANAGEMENT"));
        b.put("requester", requester(sme));
        b.put("notes", "We plan to let 10 staff work from home two days a week.");
        return b;
    }

    static Map<String, Object> inquiry(String prefecture, String question) {
        Map<String, Object> i = new LinkedHashMap<>();
        i.put("category", "SECURITY");
        i.put("prefecture", prefecture);
        i.put("question", question);
        i.put("contactName", "山田 花子");
        i.put("email", "hanako.yamada@example.co.jp");
        return i;
    }

    /** An in-person seminar starting {@code daysAhead} days from now at 14:00 Tokyo, registration open now. */
    static Map<String, Object> seminar(String host, String venuePrefecture, int capacity, int daysAhead, String campaignTag) {
        OffsetDateTime start = OffsetDateTime.now(Api.TOKYO).truncatedTo(ChronoUnit.DAYS).plusDays(daysAhead).withHour(14);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("kind", "SEMINAR");
        s.put("titleJa", "テレワーク導入セミナー（労務管理編）");
        s.put("titleEn", "Introducing telework: labor management");
        s.put("descriptionJa", "社会保険労務士がテレワーク時の労務管理を解説します。");
        s.put("topics", List.of("LABOR_MANAGEMENT", "GENERAL_INTRODUCTION"));
        s.put("format", "IN_PERSON");
        s.put("venue", Map.of("prefecture", venuePrefecture, "name", "社会保険労務士会 会議室", "address", "千代田区神田駿河台4-6"));
        s.put("startsAt", start.toString());
        s.put("endsAt", start.plusHours(2).toString());
        s.put("registrationOpensAt", OffsetDateTime.now(Api.TOKYO).minusHours(1).truncatedTo(ChronoUnit.SECONDS).toString());
        s.put("registrationClosesAt", start.minusDays(1).toString());
        s.put("capacity", capacity);
        s.put("host", host);
        if (campaignTag != null) {
            s.put("campaignTag", campaignTag);
        }
        return s;
    }

    /** An SME registering its own organization (no organization id: the token's claim decides). */
    static Map<String, Object> registration(String sme, int seats) {
        return registration(null, "Demo organization of " + sme, prefectureOf(sme), seats);
    }

    /** Staff registering an organization on its behalf (after a phone call): the id is required. */
    static Map<String, Object> registrationOnBehalf(String organizationId, String prefecture, int seats) {
        return registration(organizationId, "Organization " + organizationId, prefecture, seats);
    }

    private static Map<String, Object> registration(String organizationId, String name, String prefecture, int seats) {
        Map<String, Object> org = new LinkedHashMap<>();
        if (organizationId != null) {
            org.put("id", organizationId);
        }
        org.put("name", name);
        org.put("type", "SME");
        org.put("prefecture", prefecture);
        org.put("employeeCount", 20);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("seats", seats);
        r.put("organization", org);
        r.put("contact", Map.of("name", "佐藤 一郎", "email", "ichiro.sato@example.jp", "phone", "03-0000-0000"));
        r.put("attendees", List.of("佐藤 一郎"));
        return r;
    }
}
