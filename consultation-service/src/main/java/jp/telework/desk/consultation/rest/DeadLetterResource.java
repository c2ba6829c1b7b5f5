package jp.telework.desk.consultation.rest;

import jakarta.ws.rs.Path;

import jp.telework.desk.common.deadletter.DeadLetterDeskResource;

/** The dead-letter desk of this service's consumers (common-data's {@link DeadLetterDeskResource}), under the service's path. */
@Path("/api/v1/consultations/dead-letters")
public class DeadLetterResource extends DeadLetterDeskResource {
}
