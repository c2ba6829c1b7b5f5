package jp.telework.desk.contactpoint.domain;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jp.telework.desk.contactpoint.domain.SlotPlanner.Window;

/** Consistency rules of a weekly plan and of window-shaped exceptions. */
public final class PlanRules {
    public static final int MIN_SLOT_MINUTES = 10;
    public static final int MAX_SLOT_MINUTES = 240;

    /** A field (JSON path) and what is wrong with it. */
    public record Violation(String field, String message) {
    }

    private PlanRules() {
    }

    /** What is wrong with the end of a window [start, end) cut into slots of {@code slotMinutes}, if anything. */
    public static Optional<String> windowEndProblem(LocalTime start, LocalTime end, int slotMinutes) {
        if (!end.isAfter(start)) {
            return Optional.of("must be after startTime");
        }
        long minutes = java.time.Duration.between(start, end).toMinutes();
        if (slotMinutes > 0 && (minutes % slotMinutes != 0 || start.getSecond() != 0 || end.getSecond() != 0)) {
            return Optional.of("the window (" + minutes + " min) must be a whole number of " + slotMinutes + "-minute slots");
        }
        return Optional.empty();
    }

    /** Windows of the same weekday and mode must not overlap (they would offer the same time twice). */
    public static List<Violation> overlaps(List<Window> windows, String listField) {
        List<Violation> violations = new ArrayList<>();
        for (int j = 0; j < windows.size(); j++) {
            Window b = windows.get(j);
            for (int i = 0; i < j; i++) {
                Window a = windows.get(i);
                if (a.weekday() == b.weekday() && a.mode() == b.mode() && a.start().isBefore(b.end()) && b.start().isBefore(a.end())) {
                    violations.add(new Violation(listField + "[" + j + "]", "overlaps " + listField + "[" + i + "] ("
                            + a.weekday() + " " + a.mode() + " " + a.start() + "-" + a.end() + ")"));
                    break;
                }
            }
        }
        return violations;
    }
}
