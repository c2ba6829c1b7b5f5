package jp.telework.desk.bench;

import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;

final class ArrayNodeWriter {
    private ArrayNodeWriter() {
    }

    static void write(ArrayNode target, List<Double> values) {
        values.forEach(v -> target.add(Results.round(v, 2)));
    }
}
