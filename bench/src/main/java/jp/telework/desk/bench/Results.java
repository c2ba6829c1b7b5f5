package jp.telework.desk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The results file (JSON, the figures) and its Markdown rendering (quoted by bench/README.md). */
final class Results {
    static final String README_START = "<!-- bench:results:start (written by bench/run.sh from results/latest.md) -->";
    static final String README_END = "<!-- bench:results:end -->";

    final ObjectNode root = Http.object();
    private final List<String[]> summary = new ArrayList<>();
    private final StringBuilder details = new StringBuilder();
    private final StringBuilder header = new StringBuilder();

    ObjectNode section(String key) {
        return root.with("scenarios").putObject(key);
    }

    /** One row of the summary table. */
    void summary(String scenario, String measure, String value, String goal, String verdict) {
        summary.add(new String[] {scenario, measure, value, goal, verdict});
    }

    void header(String markdown) {
        header.append(markdown).append('\n');
    }

    void detail(String markdown) {
        details.append(markdown).append('\n');
    }

    String markdown() {
        StringBuilder b = new StringBuilder(header);
        b.append('\n');
        b.append("| Scenario | Measure | Result | Goal | Verdict |\n|---|---|---|---|---|\n");
        for (String[] row : summary) {
            b.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        b.append('\n').append(details);
        return b.toString();
    }

    void write(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("latest.json"),
                    Http.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n");
            Files.writeString(dir.resolve("latest.md"), markdown());
        } catch (IOException e) {
            throw new BenchException("cannot write results: " + e.getMessage(), e);
        }
    }

    /** Replaces the results section of the README with the Markdown just written, so both always match. */
    void updateReadme(Path readme) {
        try {
            if (!Files.exists(readme)) {
                return;
            }
            String text = Files.readString(readme);
            int start = text.indexOf(README_START);
            int end = text.indexOf(README_END);
            if (start < 0 || end < start) {
                Log.info("README has no results markers; not updated");
                return;
            }
            String updated = text.substring(0, start + README_START.length()) + "\n" + markdown() + "\n"
                    + text.substring(end);
            Files.writeString(readme, updated);
        } catch (IOException e) {
            throw new BenchException("cannot update " + readme + ": " + e.getMessage(), e);
        }
    }

    static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }

    static String f1(double v) {
        return String.format("%.1f", v);
    }

    static String f2(double v) {
        return String.format("%.2f", v);
    }
}
