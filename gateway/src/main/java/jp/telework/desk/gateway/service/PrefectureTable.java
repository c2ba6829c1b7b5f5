package jp.telework.desk.gateway.service;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import jp.telework.desk.common.vocabulary.Prefectures;

/**
 * Finds per-prefecture figures in statistics documents whose exact shape belongs to the services,
 * and lines them up as one row per prefecture. Recognized, at any depth up to a few levels:
 * <ul>
 * <li>an object keyed by prefecture codes ({@code "byPrefecture": {"13": 40, "27": 25}}), with numbers or
 * objects of figures as values;</li>
 * <li>an array of objects that each carry a prefecture code in a field such as {@code prefecture},
 * {@code prefectureCode}, {@code code} or {@code contactPointCode}, one element per prefecture.</li>
 * </ul>
 * Columns are named {@code <part>.<path>[.<field>]}. Anything else is ignored, never an error.
 */
public final class PrefectureTable {
    public static final List<String> CODES = Prefectures.codes();
    private static final List<String> KEY_FIELDS = List.of("prefecture", "prefectureCode", "code", "contactPointCode",
            "hostPrefecture", "venuePrefecture");
    private static final int MAX_DEPTH = 4;

    private final Set<String> columns = new LinkedHashSet<>();
    private final Map<String, Map<String, JsonNode>> rows = new LinkedHashMap<>();

    public PrefectureTable() {
        for (String code : CODES) {
            rows.put(code, new LinkedHashMap<>());
        }
    }

    /** Adds what can be found in one service's statistics document. */
    public PrefectureTable add(String part, JsonNode document) {
        if (document != null) {
            collect(part, document, 0);
        }
        return this;
    }

    public List<String> columns() {
        return List.copyOf(columns);
    }

    /** One map per prefecture 01..47: {@code prefecture} first, then every column found (absent = no figure). */
    public List<Map<String, Object>> rows() {
        List<Map<String, Object>> out = new ArrayList<>();
        rows.forEach((code, values) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("prefecture", code);
            for (String column : columns) {
                JsonNode v = values.get(column);
                if (v != null) {
                    row.put(column, v);
                }
            }
            out.add(row);
        });
        return out;
    }

    /** RFC 4180 CSV with CRLF line ends; spreadsheet formulas are neutralized. */
    public String csv() {
        StringBuilder sb = new StringBuilder();
        sb.append("prefecture");
        for (String c : columns) {
            sb.append(',').append(cell(c));
        }
        sb.append("\r\n");
        rows.forEach((code, values) -> {
            sb.append(code);
            for (String c : columns) {
                sb.append(',');
                JsonNode v = values.get(c);
                if (v != null && !v.isNull()) {
                    sb.append(cell(v.isNumber() ? v.numberValue().toString() : v.asText()));
                }
            }
            sb.append("\r\n");
        });
        return sb.toString();
    }

    private void collect(String path, JsonNode node, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        if (node.isObject()) {
            if (keyedByPrefecture(node)) {
                node.fields().forEachRemaining(e -> addFigures(e.getKey(), path, e.getValue(), null));
                return;
            }
            node.fields().forEachRemaining(e -> collect(path + "." + e.getKey(), e.getValue(), depth + 1));
        } else if (node.isArray()) {
            String keyField = keyFieldOf(node);
            if (keyField != null) {
                node.forEach(element -> addFigures(element.get(keyField).asText(), path, element, keyField));
            }
        }
    }

    private static boolean keyedByPrefecture(JsonNode object) {
        if (object.isEmpty()) {
            return false;
        }
        for (Iterator<String> names = object.fieldNames(); names.hasNext();) {
            if (!Prefectures.isCode(names.next())) {
                return false;
            }
        }
        return true;
    }

    /** The field naming each element's prefecture, if every element has one and no prefecture repeats. */
    private static String keyFieldOf(JsonNode array) {
        if (array.isEmpty() || !array.get(0).isObject()) {
            return null;
        }
        for (String candidate : KEY_FIELDS) {
            Set<String> seen = new LinkedHashSet<>();
            boolean all = true;
            for (JsonNode element : array) {
                JsonNode key = element.isObject() ? element.get(candidate) : null;
                if (key == null || !key.isTextual() || !Prefectures.isCode(key.asText()) || !seen.add(key.asText())) {
                    all = false;
                    break;
                }
            }
            if (all) {
                return candidate;
            }
        }
        return null;
    }

    private void addFigures(String code, String path, JsonNode value, String skipField) {
        Map<String, JsonNode> row = rows.get(code);
        if (row == null) {
            return;
        }
        if (isScalar(value)) {
            put(row, path, value);
            return;
        }
        if (!value.isObject()) {
            return;
        }
        value.fields().forEachRemaining(e -> {
            if (e.getKey().equals(skipField)) {
                return;
            }
            JsonNode v = e.getValue();
            if (isScalar(v)) {
                put(row, path + "." + e.getKey(), v);
            } else if (v.isObject()) {
                v.fields().forEachRemaining(inner -> {
                    if (isScalar(inner.getValue())) {
                        put(row, path + "." + e.getKey() + "." + inner.getKey(), inner.getValue());
                    }
                });
            }
        });
    }

    private void put(Map<String, JsonNode> row, String column, JsonNode value) {
        columns.add(column);
        row.put(column, value);
    }

    private static boolean isScalar(JsonNode v) {
        return v.isNumber() || v.isTextual() || v.isBoolean();
    }

    static String cell(String value) {
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 && !looksNumeric(v)) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    private static boolean looksNumeric(String v) {
        return v.matches("[-+]?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?");
    }
}
