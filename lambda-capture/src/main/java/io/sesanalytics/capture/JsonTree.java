package io.sesanalytics.capture;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON read into plain Java values and written back compactly, with Jackson's streaming parser and generator.
 *
 * <p>An object is a {@code Map<String, Object>} in document order (a repeated name keeps its first place and
 * takes its last value), an array a {@code List<Object>}, a JSON null {@code null}. Whole numbers are Integer,
 * Long or BigInteger. Decimals are BigDecimals without trailing zeros, so 1.50 is written back as 1.5 and 100.0
 * as 1E+2; a decimal beyond a double's range is a double infinity, written back as the string "Infinity".
 */
public final class JsonTree {
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonTree() {
    }

    /** The value of a JSON text, or {@code null} when the text holds none. Anything after the value is ignored. */
    public static Object parse(String text) throws JsonProcessingException {
        return parse(() -> FACTORY.createParser(text));
    }

    /** The value of a JSON document in UTF-8 (or UTF-16 or UTF-32, told apart by its first bytes). */
    public static Object parse(byte[] json) throws JsonProcessingException {
        return parse(() -> FACTORY.createParser(json));
    }

    private interface ParserSource {
        JsonParser open() throws IOException;
    }

    private static Object parse(ParserSource source) throws JsonProcessingException {
        try (JsonParser parser = source.open()) {
            return parser.nextToken() == null ? null : read(parser);
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("reading JSON from memory failed", e);
        }
    }

    private static Object read(JsonParser parser) throws IOException {
        switch (parser.currentToken()) {
            case START_OBJECT -> {
                Map<String, Object> object = new LinkedHashMap<>();
                String name;
                while ((name = parser.nextFieldName()) != null) {
                    parser.nextToken();
                    object.put(name, read(parser));
                }
                return object;
            }
            case START_ARRAY -> {
                List<Object> array = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(read(parser));
                }
                return array;
            }
            case VALUE_STRING -> {
                return parser.getText();
            }
            case VALUE_NUMBER_INT -> {
                return parser.getNumberValue();
            }
            case VALUE_NUMBER_FLOAT -> {
                return decimal(parser);
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new IllegalStateException("unexpected JSON token " + parser.currentToken());
        }
    }

    private static Object decimal(JsonParser parser) throws IOException {
        // The number type is asked first: that makes isNaN() see a double, which is infinite beyond its range.
        if (parser.getNumberType() != JsonParser.NumberType.BIG_DECIMAL && parser.isNaN()) {
            return parser.getDoubleValue();
        }
        BigDecimal value = parser.getDecimalValue();
        try {
            return value.stripTrailingZeros();
        } catch (ArithmeticException e) {
            return value;
        }
    }

    /** The value as one line of JSON text. */
    public static String write(Object value) {
        StringWriter text = new StringWriter();
        try (JsonGenerator generator = FACTORY.createGenerator(text)) {
            write(generator, value);
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON into memory failed", e);
        }
        return text.toString();
    }

    /** Writes the value as UTF-8 JSON and closes the stream. */
    public static void write(Object value, OutputStream out) throws IOException {
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            write(generator, value);
        }
    }

    private static void write(JsonGenerator generator, Object value) throws IOException {
        if (value == null) {
            generator.writeNull();
        } else if (value instanceof String text) {
            generator.writeString(text);
        } else if (value instanceof Map<?, ?> object) {
            generator.writeStartObject();
            for (Map.Entry<?, ?> member : object.entrySet()) {
                generator.writeFieldName((String) member.getKey());
                write(generator, member.getValue());
            }
            generator.writeEndObject();
        } else if (value instanceof List<?> array) {
            generator.writeStartArray();
            for (Object item : array) {
                write(generator, item);
            }
            generator.writeEndArray();
        } else if (value instanceof Boolean bool) {
            generator.writeBoolean(bool);
        } else if (value instanceof Integer number) {
            generator.writeNumber(number);
        } else if (value instanceof Long number) {
            generator.writeNumber(number);
        } else if (value instanceof BigInteger number) {
            generator.writeNumber(number);
        } else if (value instanceof BigDecimal number) {
            generator.writeNumber(number);
        } else if (value instanceof Double number) {
            generator.writeNumber(number);
        } else {
            throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
        }
    }

    /** The value if it is a JSON object, otherwise {@code null}. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(Object value) {
        return value instanceof Map<?, ?> ? (Map<String, Object>) value : null;
    }

    /** The value if it is a JSON array, otherwise {@code null}. */
    @SuppressWarnings("unchecked")
    public static List<Object> array(Object value) {
        return value instanceof List<?> ? (List<Object>) value : null;
    }

    /** The value at a path of member names, or {@code null} where the path is absent, null or leaves the objects. */
    public static Object member(Object value, String... names) {
        for (String name : names) {
            Map<String, Object> object = object(value);
            if (object == null) {
                return null;
            }
            value = object.get(name);
        }
        return value;
    }

    /**
     * A value as text: a string as it is, a number or boolean as written in JSON, {@code "null"} for null and
     * {@code ""} for an object or array.
     */
    public static String text(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            return "";
        }
        return value.toString();
    }

    /** A member as {@link #text(Object) text}, or {@code ""} when the object (which may be null) lacks it. */
    public static String text(Map<String, Object> object, String name) {
        return object != null && object.containsKey(name) ? text(object.get(name)) : "";
    }

    /** A member as {@link #text(Object) text}, or the fallback when it is absent or null. */
    public static String text(Map<String, Object> object, String name, String fallback) {
        Object value = object == null ? null : object.get(name);
        return value == null ? fallback : text(value);
    }
}
