package jp.telework.desk.seminar.rest;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;

import jp.telework.desk.common.problem.ProblemMappers;

/**
 * The JSON body reader wraps some Jackson failures (e.g. a document cut off inside a string value)
 * in a bare WebApplicationException(400); unwrap them so they get the same "Malformed JSON" /
 * field-naming problem as every other JSON error. Everything else is left to the shared mappers.
 * (Workaround until common's WebApplicationException mapper looks at the cause itself.)
 */
public class JsonBodyErrors {
    private final ProblemMappers shared = new ProblemMappers();

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return shared.json(json, uri);
        }
        return shared.web(e, uri);
    }
}
