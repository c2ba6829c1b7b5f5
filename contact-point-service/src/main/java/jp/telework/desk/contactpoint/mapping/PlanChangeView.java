package jp.telework.desk.contactpoint.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PlanChange", description = "The stored plan and what it did to the slots")
public record PlanChangeView(PlanView plan, MaterializationView materialization) {
}
