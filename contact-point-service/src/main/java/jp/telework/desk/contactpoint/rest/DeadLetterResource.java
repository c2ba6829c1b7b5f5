package jp.telework.desk.contactpoint.rest;

import jakarta.ws.rs.Path;

import jp.telework.desk.common.deadletter.DeadLetterDeskResource;

/** The dead-letter desk of this service's consumers (common-data's {@link DeadLetterDeskResource}), under the service's path. */
@Path("/api/v1/contact-points/dead-letters")
public class DeadLetterResource extends DeadLetterDeskResource {
}
