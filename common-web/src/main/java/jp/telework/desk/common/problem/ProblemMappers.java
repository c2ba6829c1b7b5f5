package jp.telework.desk.common.problem;

import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jp.telework.desk.common.json.StrictJson;
import jp.telework.desk.common.rest.AllowedMethods;

/**
 * Every error a service answers is problem+json: business refusals, validation, malformed JSON,
 * authentication and authorization failures, unknown routes, and unexpected failures (which never
 * leak stack traces, SQL or host names).
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @Inject
    Instance<FailureTranslator> translators;
    @Inject
    AllowedMethods allowedMethods;

    @ServerExceptionMapper
    public Response business(ProblemException e, UriInfo uri) {
        return Problems.response(e, uri);
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = fieldErrors(e.getConstraintViolations());
        String detail = errors.stream().limit(5).map(f -> f.field() + ": " + f.message())
                .collect(java.util.stream.Collectors.joining("; "));
        if (errors.size() > 5) {
            detail += "; and " + (errors.size() - 5) + " more";
        }
        return Problems.response(new ProblemException(ProblemType.VALIDATION, detail.isEmpty() ? "invalid request" : detail, errors), uri);
    }

    /** At most {@value #MAX_FIELD_ERRORS} distinct field errors: a hostile body can produce a violation per element. */
    static List<Problem.FieldError> fieldErrors(java.util.Set<? extends ConstraintViolation<?>> violations) {
        return violations.stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .distinct()
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                .limit(MAX_FIELD_ERRORS)
                .toList();
    }

    static final int MAX_FIELD_ERRORS = 20;

    @ServerExceptionMapper(priority = 1)
    public Response json(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException m ? path(m) : null;
        String message;
        if (isTooManyTokens(e)) {
            return Problems.response(new ProblemException(ProblemType.MALFORMED_JSON, "body: the document has more than "
                    + StrictJson.MAX_TOKENS + " JSON tokens (values, names, brackets); no request needs so many",
                    List.of(new Problem.FieldError("body", "more than " + StrictJson.MAX_TOKENS + " JSON tokens"))), uri);
        } else if (field == null || field.isEmpty() || e instanceof com.fasterxml.jackson.core.io.JsonEOFException) {
            // not attributable to a field: the document itself is broken (syntax, truncated, empty)
            field = null;
            message = "malformed JSON at line " + (e.getLocation() != null ? e.getLocation().getLineNr() : "?")
                    + ", column " + (e.getLocation() != null ? e.getLocation().getColumnNr() : "?");
        } else if (e instanceof StrictJson.TooManyElements || e instanceof StrictJson.BadValue) {
            message = e.getOriginalMessage();
        } else if (e instanceof UnrecognizedPropertyException) {
            message = "unknown field";
        } else if (e instanceof InvalidFormatException f) {
            message = "cannot be read as " + f.getTargetType().getSimpleName()
                    + (f.getTargetType().isEnum() ? " (one of " + List.of(f.getTargetType().getEnumConstants()) + ")" : "");
        } else {
            message = "has the wrong type or shape";
        }
        List<Problem.FieldError> errors = field == null || field.isEmpty() ? null : List.of(new Problem.FieldError(field, message));
        return Problems.response(new ProblemException(field == null ? ProblemType.MALFORMED_JSON : ProblemType.VALIDATION,
                field == null ? message : field + ": " + message, errors), uri);
    }

    private static boolean isTooManyTokens(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException c && c.getMessage() != null
                    && c.getMessage().contains("Token count")) {
                return true;
            }
        }
        return false;
    }

    // the JSON provider ships mappers for these subtypes; ours must be at least as specific
    @ServerExceptionMapper(priority = 1)
    public Response mismatched(com.fasterxml.jackson.databind.exc.MismatchedInputException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response parse(com.fasterxml.jackson.core.JsonParseException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response mapping(JsonMappingException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper
    public Response unauthenticated(AuthenticationFailedException e, UriInfo uri) {
        return Problems.response(unauthorized(), uri);
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
        return Problems.response(unauthorized(), uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return Problems.response(ProblemException.forbidden("your role does not allow this request"), uri);
    }

    /** What JAX-RS itself refuses (no such path, wrong method, media types): the same problem types as ours. */
    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status == 400 && e.getCause() instanceof JsonProcessingException json) {
            // the JSON reader wraps syntax errors before our mappers see them
            return json(json, uri);
        }
        if (status < 400) {
            return e.getResponse();
        }
        ProblemType type = ProblemType.forStatus(status);
        String detail = switch (status) {
            case 404 -> "no resource at " + uri.getPath();
            case 405 -> "method not allowed on " + uri.getPath();
            case 406 -> "cannot produce the requested media type";
            case 413 -> "request body too large";
            case 415 -> "unsupported media type; send application/json";
            default -> type.title();
        };
        ProblemException problem = new ProblemException(status, type.slug(), type.title(), detail);
        if (status == 405) {
            String allow = e.getResponse().getHeaderString("Allow");
            if (allow == null) {
                allow = String.join(", ", allowedMethods.on(uri.getPath()));
            }
            if (!allow.isEmpty()) {
                problem.withHeader("Allow", allow);
            }
        }
        return Problems.response(problem, uri);
    }

    @ServerExceptionMapper(priority = 10000)
    public Response unexpected(Throwable e, UriInfo uri) {
        for (FailureTranslator translator : translators) {
            var answer = translator.translate(e);
            if (answer.isPresent()) {
                return Problems.response(answer.get(), uri);
            }
        }
        LOG.error("unexpected failure", e);
        return Problems.response(ProblemType.INTERNAL.problem("the request failed unexpectedly"), uri);
    }

    /** 401 with the bearer challenge (RFC 6750). */
    public static ProblemException unauthorized() {
        return ProblemType.UNAUTHORIZED.problem("a valid bearer token is required").withHeader("WWW-Authenticate", "Bearer");
    }

    private static String fieldOf(ConstraintViolation<?> v) {
        // "create.arg0.requester.email" -> "requester.email": drop the method and parameter names
        String path = v.getPropertyPath().toString();
        String[] parts = path.split("\\.");
        if (parts.length > 2) {
            return String.join(".", List.of(parts).subList(2, parts.length));
        }
        return parts[parts.length - 1];
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

}
