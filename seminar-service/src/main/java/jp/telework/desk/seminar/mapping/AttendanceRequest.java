package jp.telework.desk.seminar.mapping;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.telework.desk.seminar.domain.Attendance;

@Schema(name = "AttendanceRequest")
public record AttendanceRequest(@NotNull @Schema(example = "ATTENDED") Attendance attendance) {
}
