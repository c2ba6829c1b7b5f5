package jp.telework.desk.common.problem;

import java.util.List;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Builds problem+json responses. */
public final class Problems {
    private Problems() {
    }

    public static Response response(int status, String slug, String title, String detail, UriInfo uri,
            List<Problem.FieldError> errors) {
        Problem body = new Problem(Problem.TYPE_PREFIX + slug, title, status, detail,
                uri != null ? uri.getPath() : null, errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
    }
}
