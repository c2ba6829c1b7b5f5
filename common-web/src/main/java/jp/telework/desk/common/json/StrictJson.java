package jp.telework.desk.common.json;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.type.ArrayType;
import com.fasterxml.jackson.databind.type.CollectionType;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;
import jp.telework.desk.common.rest.DateWindow;

/**
 * Request bodies are read strictly: trailing garbage, a key given twice, a number where text is
 * expected, and text that PostgreSQL cannot store (NUL) or that is not Unicode (a lone surrogate)
 * are all 400s naming the field, instead of being coerced, silently dropped or failing later as 500s.
 * So are dates in any other form than {@code YYYY-MM-DD} (or a date-time with offset), and outside
 * {@link DateWindow}.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {
    /**
     * The largest legitimate body (a weekly plan of 200 windows) has about 3,000 tokens. A cap well above
     * that stops a hostile list of 100,000 elements in the parser.
     */
    public static final long MAX_TOKENS = 20_000;

    /**
     * No request carries a longer list (the longest allowed one, plan windows, has 200). Checked before
     * Bean Validation, which collects one violation per bad element in a set whose cost grows with the
     * square of their number; its fail-fast mode does not stop inside a list.
     */
    public static final int MAX_ELEMENTS = 1_000;

    /**
     * Last of all customizers: Quarkus registers the JSR-310 module in one of its own, and a deserializer
     * registered later wins, so ours must come after it to replace the lenient date readers.
     */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxTokenCount(MAX_TOKENS).build());
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        SimpleModule strict = new SimpleModule("strict-text").addDeserializer(String.class, new StrictText())
                .addDeserializer(LocalDate.class, new StrictDate())
                .addDeserializer(OffsetDateTime.class, new StrictDateTime())
                .addDeserializer(LocalTime.class, new StrictTime());
        strict.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyCollectionDeserializer(DeserializationConfig config, CollectionType type,
                    BeanDescription description, JsonDeserializer<?> deserializer) {
                return new BoundedList(deserializer);
            }

            @Override
            public JsonDeserializer<?> modifyArrayDeserializer(DeserializationConfig config, ArrayType type,
                    BeanDescription description, JsonDeserializer<?> deserializer) {
                return new BoundedList(deserializer);
            }
        });
        mapper.registerModule(strict);
    }

    /** Raised for a list longer than {@link #MAX_ELEMENTS}; the problem mapper names the field. */
    public static final class TooManyElements extends MismatchedInputException {
        TooManyElements(JsonParser p, int size) {
            super(p, "has " + size + " elements; at most " + MAX_ELEMENTS + " are accepted");
        }
    }

    /** Raised for a value of the right JSON type that the field does not take; the problem mapper names the field. */
    public static final class BadValue extends MismatchedInputException {
        BadValue(JsonParser p, String message) {
            super(p, message);
        }
    }

    /**
     * A local date is {@code YYYY-MM-DD} and nothing else. Jackson's own reader takes
     * {@code "2026-12-01T15:00:00Z"} and keeps the UTC date (the wrong Tokyo day), a date-time without
     * offset, {@code [2026,12,1]} and epoch days.
     */
    static final class StrictDate extends StdScalarDeserializer<LocalDate> {
        StrictDate() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                throw new BadValue(p, "must be a date string YYYY-MM-DD");
            }
            try {
                return DateWindow.parse(p.getText());
            } catch (IllegalArgumentException e) {
                throw new BadValue(p, e.getMessage());
            }
        }
    }

    /**
     * An instant is an ISO-8601 date-time with its offset, in the date window; Jackson's reader would also take
     * a number of epoch seconds. Like Jackson's, it is moved to the mapper's zone (Asia/Tokyo) when
     * ADJUST_DATES_TO_CONTEXT_TIME_ZONE is on, so answers keep showing +09:00.
     */
    static final class StrictDateTime extends StdScalarDeserializer<OffsetDateTime> {
        StrictDateTime() {
            super(OffsetDateTime.class);
        }

        @Override
        public OffsetDateTime deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                throw new BadValue(p, "must be a date-time string with offset such as 2026-12-01T10:00:00+09:00");
            }
            OffsetDateTime value;
            try {
                value = OffsetDateTime.parse(p.getText(), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            } catch (DateTimeParseException e) {
                throw new BadValue(p, "must be a date-time with offset such as 2026-12-01T10:00:00+09:00");
            }
            if (!DateWindow.contains(value.getYear())) {
                throw new BadValue(p, DateWindow.MESSAGE);
            }
            if (ctxt.isEnabled(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)) {
                ZoneId zone = ctxt.getTimeZone().toZoneId();
                value = value.withOffsetSameInstant(zone.getRules().getOffset(value.toInstant()));
            }
            return value;
        }
    }

    /**
     * A time of day is {@code HH:mm} or {@code HH:mm:ss}, 00:00 to 23:59:59. Jackson's own reader also takes
     * fractions of a second, {@code [10,0]}, numbers and a leading {@code T}; none of them means anything here.
     */
    static final class StrictTime extends StdScalarDeserializer<LocalTime> {
        private static final java.util.regex.Pattern TIME = java.util.regex.Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?");

        StrictTime() {
            super(LocalTime.class);
        }

        @Override
        public LocalTime deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING || !TIME.matcher(p.getText()).matches()) {
                throw new BadValue(p, "must be a time of day HH:mm (or HH:mm:ss), 00:00 to 23:59");
            }
            return LocalTime.parse(p.getText());
        }
    }

    static final class BoundedList extends DelegatingDeserializer {
        BoundedList(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new BoundedList(delegate);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return check(p, super.deserialize(p, ctxt));
        }

        @Override
        @SuppressWarnings("unchecked")
        public Object deserialize(JsonParser p, DeserializationContext ctxt, Object into) throws IOException {
            return check(p, ((JsonDeserializer<Object>) _delegatee).deserialize(p, ctxt, into));
        }

        private static Object check(JsonParser p, Object value) throws TooManyElements {
            int size = value instanceof java.util.Collection<?> c ? c.size()
                    : value != null && value.getClass().isArray() ? java.lang.reflect.Array.getLength(value) : 0;
            if (size > MAX_ELEMENTS) {
                throw new TooManyElements(p, size);
            }
            return value;
        }
    }

    static final class StrictText extends StdScalarDeserializer<String> {
        StrictText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (String) ctxt.handleUnexpectedToken(String.class, p);
            }
            String text = p.getText();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\u0000') {
                    return (String) ctxt.handleWeirdStringValue(String.class, text, "must not contain NUL characters");
                }
                if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    return (String) ctxt.handleWeirdStringValue(String.class, text, "is not valid Unicode (lone surrogate)");
                }
            }
            return text;
        }
    }
}
