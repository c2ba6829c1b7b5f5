package jp.telework.desk.contactpoint.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ExceptionChange", description = "The exception created or deleted and what it did to the slots")
public record ExceptionChangeView(ExceptionView exception, MaterializationView materialization) {
}
