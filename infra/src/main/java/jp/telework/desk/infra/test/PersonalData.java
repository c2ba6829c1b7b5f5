package jp.telework.desk.infra.test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a value (a name, an email, a phone number someone submitted) still appears in a service's
 * database: every text-like column (text, varchar, char, json, jsonb and arrays of them) of every table in
 * the {@code public} schema is searched, so a retention test also finds copies in tables nobody thought of
 * (stored idempotent responses, outbox payloads, dead letters).
 */
public final class PersonalData {
    private PersonalData() {
    }

    /** {@code table.column} for each column holding any of the values (substring, case-sensitive). */
    public static List<String> whereFound(Connection c, List<String> values) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT table_name, column_name FROM information_schema.columns"
                + " WHERE table_schema = 'public' AND (data_type IN ('text', 'character varying', 'character', 'json', 'jsonb')"
                + " OR (data_type = 'ARRAY' AND udt_name IN ('_text', '_varchar', '_bpchar'))) ORDER BY table_name, column_name");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                columns.add(quote(rs.getString(1)) + "." + quote(rs.getString(2)));
            }
        }
        if (columns.isEmpty()) {
            throw new IllegalStateException("no text columns in the public schema: wrong database?");
        }
        List<String> found = new ArrayList<>();
        for (String column : columns) {
            String table = column.substring(0, column.indexOf('.'));
            for (String value : values) {
                try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM " + table + " WHERE position(? IN " + column
                        + "::text) > 0 LIMIT 1")) {
                    ps.setString(1, value);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            found.add(column.replace("\"", "") + " holds " + value);
                        }
                    }
                }
            }
        }
        return found;
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
