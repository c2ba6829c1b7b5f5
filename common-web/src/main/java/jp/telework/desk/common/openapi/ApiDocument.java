package jp.telework.desk.common.openapi;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.tags.Tag;

/**
 * The one OpenAPI filter of every module ({@code mp.openapi.filter} in common-web's configuration):
 * it makes each document say what the code does, in a form the linters (Spectral {@code spectral:oas},
 * Redocly {@code recommended}) accept, without every resource repeating annotations:
 * <ul>
 * <li>every error answer is a {@code Problem} ({@link ProblemResponses});</li>
 * <li>the bearer scheme is HTTP {@code bearer}, which has no scopes: the roles Quarkus puts into each
 * requirement (from {@code @RolesAllowed}) move to the operation's {@code x-roles} and its description,
 * and a public operation says so with an empty {@code security} list;</li>
 * <li>response headers carry a schema (a header documented by name only is a string; the few whose
 * value is a number or a flag are typed here);</li>
 * <li>{@code servers} is the gateway the document was fetched from ({@code /}: every path is absolute);</li>
 * <li>tags used by operations are declared.</li>
 * </ul>
 */
public class ApiDocument implements OASFilter {
    static final String ROLES_EXTENSION = "x-roles";
    private static final Map<String, Schema.SchemaType> HEADER_TYPES = Map.of(
            "X-Total-Count", Schema.SchemaType.INTEGER,
            "Retry-After", Schema.SchemaType.INTEGER,
            "Idempotent-Replayed", Schema.SchemaType.BOOLEAN);

    private final ProblemResponses problems = new ProblemResponses();

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        problems.filterOpenAPI(openAPI);
        if (openAPI.getServers() == null || openAPI.getServers().isEmpty()) {
            openAPI.addServer(OASFactory.createServer().url("/")
                    .description("The gateway this document was fetched from (every path is absolute)"));
        }
        Set<String> tags = new HashSet<>();
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().values().forEach(item -> {
                if (item.getOperations() != null) {
                    item.getOperations().values().forEach(op -> {
                        security(op);
                        headers(op);
                        if (op.getTags() != null) {
                            tags.addAll(op.getTags());
                        }
                    });
                }
            });
        }
        declareTags(openAPI, tags);
    }

    static void security(Operation op) {
        if (op.getSecurity() == null || op.getSecurity().isEmpty()) {
            op.setSecurity(new ArrayList<>()); // explicitly public
            return;
        }
        List<String> roles = new ArrayList<>();
        List<SecurityRequirement> plain = new ArrayList<>();
        for (SecurityRequirement requirement : op.getSecurity()) {
            SecurityRequirement without = OASFactory.createSecurityRequirement();
            requirement.getSchemes().forEach((scheme, scopes) -> {
                if (scopes != null) {
                    scopes.stream().filter(r -> !roles.contains(r)).forEach(roles::add);
                }
                without.addScheme(scheme);
            });
            plain.add(without);
        }
        op.setSecurity(plain);
        if (!roles.isEmpty()) {
            op.addExtension(ROLES_EXTENSION, roles);
            String note = "Roles: " + String.join(", ", roles) + ".";
            String description = op.getDescription();
            if (description == null || description.isBlank()) {
                op.setDescription(op.getSummary() == null ? note : op.getSummary() + ". " + note);
            } else if (!description.contains(note)) {
                op.setDescription(description + "\n\n" + note);
            }
        }
    }

    static void headers(Operation op) {
        if (op.getResponses() == null || op.getResponses().getAPIResponses() == null) {
            return;
        }
        op.getResponses().getAPIResponses().values().forEach(response -> {
            if (response.getHeaders() == null) {
                return;
            }
            for (Map.Entry<String, Header> header : response.getHeaders().entrySet()) {
                Header h = header.getValue();
                if (h.getRef() == null && h.getSchema() == null && h.getContent() == null) {
                    h.setSchema(OASFactory.createSchema().addType(HEADER_TYPES.getOrDefault(header.getKey(), Schema.SchemaType.STRING)));
                }
            }
        });
    }

    private static void declareTags(OpenAPI openAPI, Set<String> used) {
        Set<String> declared = new HashSet<>();
        if (openAPI.getTags() != null) {
            openAPI.getTags().forEach(t -> declared.add(t.getName()));
        }
        used.stream().sorted().filter(name -> !declared.contains(name)).forEach(name -> {
            Tag tag = OASFactory.createTag().name(name);
            openAPI.addTag(tag);
        });
    }
}
