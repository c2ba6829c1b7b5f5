package jp.telework.desk.common.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.junit.jupiter.api.Test;

class VocabularyTest {

    @Test
    void fortySevenPrefecturesInCodeOrderEachWithNamesAndAnOffice() {
        List<Prefecture> all = Prefectures.all();
        assertEquals(47, all.size());
        for (int i = 0; i < 47; i++) {
            Prefecture p = all.get(i);
            assertEquals(String.format("%02d", i + 1), p.code());
            assertFalse(p.nameJa().isBlank());
            assertFalse(p.nameEn().isBlank());
            // every office lies within Japan's extent
            assertTrue(p.latitude() > 24 && p.latitude() < 46, p.code());
            assertTrue(p.longitude() > 122 && p.longitude() < 146, p.code());
        }
        assertEquals("東京都", Prefectures.of("13").nameJa());
        assertEquals("Okinawa", Prefectures.of("47").nameEn());
    }

    @Test
    void regionsFollowTheConventionalGrouping() {
        assertEquals(Region.HOKKAIDO, Region.of("01"));
        assertEquals(Region.TOHOKU, Region.of("07"));
        assertEquals(Region.KANTO, Region.of("13"));
        assertEquals(Region.CHUBU, Region.of("23"));
        assertEquals(Region.KINKI, Region.of("24"), "Mie is counted in Kinki");
        assertEquals(Region.CHUGOKU, Region.of("32"));
        assertEquals(Region.SHIKOKU, Region.of("39"));
        assertEquals(Region.KYUSHU_OKINAWA, Region.of("47"));
        assertThrows(IllegalArgumentException.class, () -> Region.of("48"));
        assertEquals(List.of("08", "09", "10", "11", "12", "13", "14"), Region.KANTO.prefectureCodes());
        int total = 0;
        for (Region r : Region.values()) {
            total += r.prefectureCodes().size();
        }
        assertEquals(47, total);
    }

    @Test
    void codesAreTwoDigitsFromOneToFortySeven() {
        assertTrue(Prefectures.isCode("01"));
        assertTrue(Prefectures.isCode("47"));
        for (String bad : new String[] { null, "", "00", "48", "1", "013", " 13", "1a", "١٣" }) {
            assertFalse(Prefectures.isCode(bad), String.valueOf(bad));
            assertTrue(Prefectures.byCode(bad).isEmpty());
        }
    }

    record Venue(@PrefectureCode String prefecture) {
    }

    @Test
    void theConstraintSaysTheOneMessage() {
        try (var factory = Validation.byDefaultProvider().configure()
                .messageInterpolator(new org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator())
                .buildValidatorFactory()) {
            Validator validator = factory.getValidator();
            assertTrue(validator.validate(new Venue("13")).isEmpty());
            assertTrue(validator.validate(new Venue(null)).isEmpty(), "null is for @NotNull to judge");
            Set<String> messages = validator.validate(new Venue("48")).stream().map(v -> v.getMessage()).collect(Collectors.toSet());
            assertEquals(Set.of(Prefectures.CODE_MESSAGE), messages);
        }
    }

    @Test
    void tokyoTimeDoesNotDependOnTheClocksZone() {
        // 2026-12-01T16:30Z is already 2026-12-02 01:30 in Tokyo
        Instant instant = Instant.parse("2026-12-01T16:30:00Z");
        for (String zone : new String[] { "UTC", "America/Los_Angeles", "Pacific/Kiritimati" }) {
            Clock clock = Clock.fixed(instant, java.time.ZoneId.of(zone));
            assertEquals(LocalDate.of(2026, 12, 2), Tokyo.today(clock), zone);
            assertEquals(ZoneOffset.ofHours(9), Tokyo.now(clock).getOffset());
            assertEquals(instant, Tokyo.now(clock).toInstant());
        }
        assertEquals("2026-12-02T01:30+09:00", Tokyo.at(LocalDate.of(2026, 12, 2), LocalTime.of(1, 30)).toString());
    }

    @Test
    void everyPrefecturalOfficeIsInsideJapansBox() {
        Prefectures.all().forEach(p -> assertTrue(JapanBounds.contains(p.latitude(), p.longitude()), p.code()));
        assertFalse(JapanBounds.contains(31.2304, 121.4737)); // Shanghai
        assertFalse(JapanBounds.contains(13.4443, 144.7937)); // Guam
        assertFalse(JapanBounds.contains(Double.NaN, 139.0));
        assertFalse(JapanBounds.contains(35.0, Double.POSITIVE_INFINITY));
    }
}
