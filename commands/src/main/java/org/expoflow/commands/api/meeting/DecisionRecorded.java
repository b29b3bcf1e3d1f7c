package org.expoflow.commands.api.meeting;

import java.util.List;

public record DecisionRecorded(String meetingId, String decisionId, String text, List<String> directiveIds) {
}
