package jp.telework.desk.common.json;

import java.io.IOException;

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

/**
 * Request bodies are read strictly: trailing garbage, a key given twice, a number where text is
 * expected, and text that PostgreSQL cannot store (NUL) or that is not Unicode (a lone surrogate)
 * are all 400s naming the field, instead of being coerced, silently dropped or failing later as 500s.
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

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxTokenCount(MAX_TOKENS).build());
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        SimpleModule strict = new SimpleModule("strict-text").addDeserializer(String.class, new StrictText());
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
