package org.expoflow.projections.api;

import java.util.List;

public record ExpoList(List<ExpoSummary> expos) {
}
