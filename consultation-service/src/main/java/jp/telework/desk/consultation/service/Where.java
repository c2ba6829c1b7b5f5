package jp.telework.desk.consultation.service;

import java.util.HashMap;
import java.util.Map;

import jakarta.persistence.Query;

/** A JPQL or SQL where-clause assembled from optional criteria: a criterion whose value is null is left out. */
final class Where {
    private final StringBuilder clause = new StringBuilder(" where 1 = 1");
    private final Map<String, Object> params = new HashMap<>();

    Where and(String condition, String param, Object value) {
        if (value != null) {
            clause.append(" and ").append(condition);
            params.put(param, value);
        }
        return this;
    }

    @Override
    public String toString() {
        return clause.toString();
    }

    void bind(Query... queries) {
        for (Query q : queries) {
            params.forEach(q::setParameter);
        }
    }

    Query bound(Query query) {
        bind(query);
        return query;
    }
}
