package jp.telework.desk.contactpoint.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;

import jp.telework.desk.common.problem.ProblemMappers;

/**
 * Quarkus REST's Jackson reader wraps syntax errors (e.g. a truncated document) in a plain 400
 * WebApplicationException; unwrap them so they get the same "Malformed JSON" problem as every other
 * JSON error. Everything else goes to the shared mapper unchanged.
 */
public class WrappedJsonProblems {
    private final ProblemMappers shared = new ProblemMappers();

    @ServerExceptionMapper(priority = 1)
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getResponse() != null && e.getResponse().getStatus() == 400 && e.getCause() instanceof JsonProcessingException json) {
            return shared.json(json, uri);
        }
        return shared.web(e, uri);
    }
}
