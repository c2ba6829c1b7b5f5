package jp.telework.desk.infra.test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Lints a module's OpenAPI document with the two linters API consumers use, Spectral
 * ({@code spectral:oas}) and Redocly ({@code recommended}), as installed by
 * {@code scripts/install-tools.sh} into {@code tools/node_modules}; the rule sets are
 * {@code tools/spectral.yaml} and {@code tools/redocly.yaml}. Errors fail the test; warnings are
 * counted, printed and written to {@code target/openapi/lint.txt}. Without the tools the test is
 * skipped and says why, except under {@code CI=true}, where it fails.
 */
public final class ApiLint {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One finding: which linter, {@code error} or {@code warn}, the rule, where in the document, what. */
    public record Finding(String tool, String severity, String rule, String where, String message) {
        @Override
        public String toString() {
            return tool + " " + severity + " " + rule + " at " + where + ": " + message;
        }
    }

    private ApiLint() {
    }

    /** Lints the document; fails on any error, returns the warnings. */
    public static List<Finding> assertClean(String module, String document) {
        Path repository = repository();
        Path bin = repository.resolve("tools/node_modules/.bin");
        if (!Files.isExecutable(bin.resolve("spectral")) || !Files.isExecutable(bin.resolve("redocly"))) {
            String why = "the OpenAPI linters are not installed in " + bin + "; run scripts/install-tools.sh";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError(why + " (CI=true: the lint must run)");
            }
            System.out.println("[api-lint] skipped: " + why);
            Assumptions.abort(why);
        }
        Path dir = Path.of("target", "openapi").toAbsolutePath();
        Path file = dir.resolve(module + ".json");
        try {
            Files.createDirectories(dir);
            Files.writeString(file, document);
        } catch (IOException e) {
            throw new AssertionError("cannot write " + file, e);
        }
        List<Finding> findings = new ArrayList<>();
        findings.addAll(spectral(repository, bin, file));
        findings.addAll(redocly(repository, bin, file));
        List<Finding> errors = findings.stream().filter(f -> f.severity().equals("error")).toList();
        List<Finding> warnings = findings.stream().filter(f -> !f.severity().equals("error")).toList();
        StringBuilder report = new StringBuilder("[api-lint] " + module + ": " + errors.size() + " errors, "
                + warnings.size() + " warnings (Spectral spectral:oas, Redocly recommended)\n");
        findings.forEach(f -> report.append("  ").append(f).append('\n'));
        System.out.print(report);
        try {
            Files.writeString(dir.resolve("lint.txt"), report.toString());
        } catch (IOException e) {
            throw new AssertionError("cannot write the lint report", e);
        }
        if (!errors.isEmpty()) {
            throw new AssertionError(errors.size() + " lint error(s) in " + module + "'s OpenAPI document:\n  "
                    + String.join("\n  ", errors.stream().map(Finding::toString).toList()));
        }
        return warnings;
    }

    private static List<Finding> spectral(Path repository, Path bin, Path file) {
        String out = run(List.of(bin.resolve("spectral").toString(), "lint", "--ruleset",
                repository.resolve("tools/spectral.yaml").toString(), "--format", "json", "--fail-severity", "error",
                "--quiet", file.toString()), repository);
        List<Finding> findings = new ArrayList<>();
        JsonNode results = parse(out.substring(Math.max(0, out.indexOf('['))), "spectral", out);
        for (JsonNode r : results) {
            int severity = r.path("severity").asInt();
            if (severity > 1) {
                continue; // info and hint
            }
            findings.add(new Finding("spectral", severity == 0 ? "error" : "warn", r.path("code").asText(),
                    "/" + String.join("/", pathOf(r.path("path"))),
                    r.path("message").asText()));
        }
        return findings;
    }

    private static List<Finding> redocly(Path repository, Path bin, Path file) {
        String out = run(List.of(bin.resolve("redocly").toString(), "lint", "--config",
                repository.resolve("tools/redocly.yaml").toString(), "--format", "json", file.toString()), repository);
        List<Finding> findings = new ArrayList<>();
        JsonNode result = parse(out.substring(Math.max(0, out.indexOf('{'))), "redocly", out);
        for (JsonNode p : result.path("problems")) {
            String severity = p.path("severity").asText();
            findings.add(new Finding("redocly", "error".equals(severity) ? "error" : "warn", p.path("ruleId").asText(),
                    p.path("location").path(0).path("pointer").asText(), p.path("message").asText()));
        }
        return findings;
    }

    private static List<String> pathOf(JsonNode path) {
        List<String> parts = new ArrayList<>();
        path.forEach(p -> parts.add(p.asText().replace("~", "~0").replace("/", "~1")));
        return parts;
    }

    private static JsonNode parse(String json, String tool, String output) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError(tool + " printed no JSON report:\n" + output, e);
        }
    }

    /** Runs a linter (a non-zero exit only means findings); its standard output. */
    private static String run(List<String> command, Path dir) {
        try {
            Path out = Files.createTempFile("api-lint", ".out");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
                // Redocly posts usage telemetry after each command by default; where only the npm registry and Maven
                // Central are reachable that call can hang until TCP gives up (one CI run waited out the 3 minutes)
                builder.environment().put("REDOCLY_TELEMETRY", "off");
                builder.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
                Process p = builder
                        .redirectErrorStream(false)
                        .redirectOutput(out.toFile())
                        .redirectError(ProcessBuilder.Redirect.DISCARD)
                        .start();
                if (!p.waitFor(3, TimeUnit.MINUTES)) {
                    p.destroyForcibly();
                    throw new AssertionError(command.get(0) + " did not finish within 3 minutes");
                }
                return Files.readString(out, StandardCharsets.UTF_8);
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while linting");
        }
    }

    /** The repository's root: set by the root pom for every test JVM. */
    private static Path repository() {
        String configured = System.getProperty("telework.repository");
        if (configured == null || configured.isBlank() || configured.contains("${")) {
            return Path.of("..").toAbsolutePath().normalize();
        }
        return Path.of(configured).toAbsolutePath().normalize();
    }
}
